/// Reads lines of input after a prompt: from readline on a terminal, plainly from a pipe.
public protocol LineReader: AnyObject {
    /// What Tab completes in the lines read from now on (`nil`: nothing).
    var completion: CompletionProvider? { get set }

    /// Shows `prompt` and reads one line.
    ///
    /// - Parameters:
    ///   - prompt: printed before the input, once.
    ///   - remember: whether the line goes into the history (commands do, answers do not).
    func readLine(prompt: String, remember: Bool) -> LineInput
}

extension LineReader {
    /// Shows `prompt` and reads one line that does not go into the history.
    public func readLine(prompt: String) -> LineInput {
        readLine(prompt: prompt, remember: false)
    }
}
