import Terminal

/// Everything commands and the REPL talk to the user through: input, output, errors,
/// style and wrapping.
public final class Console {
    /// Where lines are read from, made on first use (a command that never reads, like
    /// `recall log`, never sets up readline or touches the history file).
    public var reader: LineReader {
        if let madeReader { return madeReader }
        let reader = makeReader()
        madeReader = reader
        return reader
    }
    private var madeReader: LineReader?
    private let makeReader: () -> LineReader
    /// Where ordinary output goes.
    public let output: TextOutput
    /// Where error messages go.
    public let errors: TextOutput
    /// Bold and colour, when on.
    public let style: Style
    /// Wraps long text to the terminal's width (measured again each time, so a resized
    /// terminal is followed).
    public var wrapper: TextWrapper { makeWrapper() }
    private let makeWrapper: () -> TextWrapper

    /// Creates a console from its parts.
    public convenience init(
        reader: LineReader, output: TextOutput, errors: TextOutput, style: Style, wrapper: TextWrapper
    ) {
        self.init(reader: { reader }, output: output, errors: errors, style: style, makeWrapper: { wrapper })
    }

    /// Creates a console whose reader is made on first use and whose wrapper is made
    /// afresh for each use.
    public init(
        reader: @escaping () -> LineReader, output: TextOutput, errors: TextOutput, style: Style,
        makeWrapper: @escaping () -> TextWrapper
    ) {
        self.makeReader = reader
        self.output = output
        self.errors = errors
        self.style = style
        self.makeWrapper = makeWrapper
    }

    /// The console of this process: readline when standard input is a terminal (with its
    /// history in `historyPath`), plain lines otherwise; colour per `Style.detect()`;
    /// wrapping to the terminal's width.
    public static func standard(historyPath: String? = XDGDirectories().history) -> Console {
        let output = StandardOutput()
        return Console(
            reader: {
                if Terminal.isTerminal(0) { return ReadlineLineReader(historyPath: historyPath) }
                return PlainLineReader(output: output)
            },
            output: output, errors: StandardOutput(fd: 2), style: .detect(), makeWrapper: { .forTerminal() })
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

    /// Writes a message to the error stream as it is (used for the session's own hints).
    public func fail(_ message: String) {
        errors.line(message)
    }

    /// Writes `error: MESSAGE` to the error stream, the message sanitised (it may quote a
    /// deck's text).
    public func error(_ message: String) {
        errors.line("error: " + Sanitizer.clean(message))
    }
}
