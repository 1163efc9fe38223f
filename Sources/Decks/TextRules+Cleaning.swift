extension TextRules {
    /// `text` made safe to print on a terminal: every escape sequence and control character
    /// removed.
    ///
    /// Removed: escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL or ST`, DCS, SOS, PM
    /// and APC strings up to ST, two-byte `ESC x` and nF sequences) and their 8-bit C1 forms;
    /// every other C0 and C1 control and DEL; the bidirectional controls (U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069), which can make text read differently from what it is;
    /// the Unicode line and paragraph separators (U+2028, U+2029), which terminals and
    /// editors do not agree on. A tab becomes a space. Line endings become `"\n"` (CR LF and
    /// a lone CR alike), or a space when `keepNewlines` is off.
    ///
    /// A malformed sequence ends at the first character that cannot belong to it, which is
    /// then treated as text of its own; a control string never runs past the end of its
    /// line, so an unterminated one cannot swallow the rest of the text.
    public static func cleaned(_ text: String, keepNewlines: Bool = true) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        let newline: Unicode.Scalar = keepNewlines ? "\n" : " "
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0A: result.append(newline)
            case 0x0D: if scalars.first != "\n" { result.append(newline) }
            case 0x09: result.append(" ")
            case 0x1B: skipEscape(&scalars)
            case 0x9B: skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: skipString(&scalars)
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Skips what follows an ESC.
    private static func skipEscape(_ scalars: inout Substring.UnicodeScalarView) {
        guard let next = scalars.first, next != "\n", next != "\r" else { return }
        scalars.removeFirst()
        switch next {
        case "[": skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default:
            // nF sequences: intermediates 0x20–0x2F, then one final byte.
            guard (0x20...0x2F).contains(next.value) else { return }
            while let scalar = scalars.first, (0x20...0x2F).contains(scalar.value) { scalars.removeFirst() }
            if let final = scalars.first, (0x30...0x7E).contains(final.value) { scalars.removeFirst() }
        }
    }

    /// Skips a CSI's parameters and intermediates, and its final byte.
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

    /// Skips a control string up to its terminator: BEL, ST (`ESC \`) or 8-bit ST, or the end
    /// of the line (the line break stays).
    private static func skipString(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.first {
            if scalar == "\n" || scalar == "\r" { return }
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
