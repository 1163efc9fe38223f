/// What a `LineReader` read: a line, a Ctrl-C, or the end of the input.
public enum LineInput: Sendable, Hashable {
    /// A complete line, without its newline.
    case line(String)
    /// Ctrl-C was pressed; the line being edited was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of a pipe or file.
    case endOfInput
}
