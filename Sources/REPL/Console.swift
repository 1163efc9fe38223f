import Terminal

/// Everything the REPL talks to the user through: input, output, errors, style and wrapping.
public final class Console {
    /// Where lines are read from.
    public let reader: LineReader
    /// Where ordinary output goes.
    public let output: TextOutput
    /// Where error messages go.
    public let errors: TextOutput
    /// Bold and colour, when on.
    public let style: Style
    /// Wraps long text to the terminal's width.
    public let wrapper: TextWrapper

    /// Creates a console from its parts.
    public init(reader: LineReader, output: TextOutput, errors: TextOutput, style: Style, wrapper: TextWrapper) {
        self.reader = reader
        self.output = output
        self.errors = errors
        self.style = style
        self.wrapper = wrapper
    }

    /// The console of this process: readline when standard input is a terminal, plain
    /// lines otherwise; colour per `Style.detect()`; wrapping to the terminal's width.
    public static func standard(completion: CompletionProvider? = nil) -> Console {
        let output = StandardOutput()
        let reader: LineReader
        if Terminal.isTerminal(0) {
            reader = ReadlineLineReader(historyPath: HistoryFile.path(), completion: completion)
        } else {
            reader = PlainLineReader(output: output)
        }
        return Console(
            reader: reader, output: output, errors: StandardOutput(fd: 2), style: .detect(),
            wrapper: .forTerminal())
    }

    /// Writes a line.
    public func say(_ text: String = "") {
        output.line(text)
    }

    /// Writes a line of recall's own prose, wrapped to the terminal's width.
    public func tell(_ text: String) {
        output.line(wrapper.wrap(text))
    }

    /// Writes untrusted text (from a deck): sanitised, then wrapped.
    public func sayUntrusted(_ text: String, indent: String = "", firstIndent: String? = nil) {
        output.line(wrapper.wrap(Sanitizer.clean(text), indent: indent, firstIndent: firstIndent))
    }

    /// Writes an error message to the error stream.
    public func fail(_ message: String) {
        errors.line(message)
    }
}
