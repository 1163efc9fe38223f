/// Where the REPL and the commands write their output: standard output, or a buffer in tests.
public protocol TextOutput: AnyObject {
    /// Writes `text` as is (no newline is added).
    func write(_ text: String)

    /// The first write that failed, if any (later writes are dropped): commands check it
    /// when they end, so output that could not be written is never a success.
    var failure: OutputFailure? { get }
}

extension TextOutput {
    /// Writes `text` followed by a newline.
    public func line(_ text: String = "") {
        write(text + "\n")
    }
}
