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
    /// sequence (CSI, OSC, DCS and the other strings, two-byte escapes, their 8-bit forms),
    /// every other control character, DEL and the bidirectional overrides removed.
    static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0A: result.append(scalar)
            case 0x0D:
                if scalars.first != "\n" { result.append("\n") }  // CR LF → LF; a lone CR ends a line
            case 0x09: result.append(" ")
            case 0x1B: skipEscape(&scalars)
            case 0x9B: skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: skipString(&scalars)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func skipEscape(_ scalars: inout Substring.UnicodeScalarView) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default:
            if (0x20...0x2F).contains(next.value) {
                while let scalar = scalars.popFirst(), (0x20...0x2F).contains(scalar.value) {}
            }
        }
    }

    private static func skipControlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.first {
            if (0x40...0x7E).contains(scalar.value) {
                scalars.removeFirst()
                return
            }
            guard (0x20...0x3F).contains(scalar.value) else { return }
            scalars.removeFirst()
        }
    }

    private static func skipString(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.first {
            // A string never spans lines of a summary: the line break and what follows stay.
            if scalar == "\n" { return }
            scalars.removeFirst()
            switch scalar.value {
            case 0x07, 0x9C: return
            case 0x1B:
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            default: continue
            }
        }
    }
}
