import Terminal

/// A `LineReader` that plays back scripted input and writes each prompt and line to an
/// output, the way `PlainLineReader` does, so a test sees the whole transcript.
final class ScriptedLineReader: LineReader {
    private var inputs: [LineInput]
    private let output: TextOutput
    var completion: CompletionProvider?

    init(_ inputs: [LineInput], output: TextOutput) {
        self.inputs = inputs
        self.output = output
    }

    convenience init(lines: [String], output: TextOutput) {
        self.init(lines.map(LineInput.line), output: output)
    }

    func readLine(prompt: String, remember: Bool) -> LineInput {
        output.write(prompt)
        guard !inputs.isEmpty else {
            output.write("\n")
            return .endOfInput
        }
        let input = inputs.removeFirst()
        switch input {
        case .line(let line): output.write(line + "\n")
        case .interrupted: output.write("^C\n")
        case .endOfInput: output.write("\n")
        }
        return input
    }
}
