import Decks

/// A summary file's text, checked and cleaned: valid UTF-8, no binary data, no terminal
/// escape sequences or control characters, split into numbered lines.
struct SummaryText {
    /// The lines, cleaned, numbered from 1 by their index + 1.
    var lines: [String]

    /// Decodes and cleans `bytes`; throws for empty, binary or non-UTF-8 input.
    init(bytes: [UInt8]) throws(DraftError) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // a UTF-8 byte order mark
        if body.contains(0) { throw .binary }
        guard let text = String(validating: body, as: UTF8.self) else {
            // The first line with an invalid sequence, for the message.
            var line = 1
            var start = body.startIndex
            for index in body.indices where body[index] == 0x0A {
                if String(validating: body[start..<index], as: UTF8.self) == nil { break }
                line += 1
                start = index + 1
            }
            throw .notUTF8(line: line)
        }
        let cleaned = SummaryText.clean(text)
        if cleaned.unicodeScalars.allSatisfy(\.properties.isWhitespace) { throw .empty }
        lines = cleaned.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `text` with line endings made `\n`, tabs made spaces, and every terminal escape
    /// sequence, every other control character, DEL, the bidirectional controls and the
    /// Unicode line separators removed (`TextRules.cleaned`, the terminal's sanitiser too).
    static func clean(_ text: String) -> String {
        TextRules.cleaned(text)
    }
}
