/// Makes untrusted text (from decks and imports) safe to print on a terminal.
///
/// It removes escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL or ST`, DCS, SOS, PM and
/// APC strings up to ST, and two-byte `ESC x`), their 8-bit C1 forms, every other C0 and C1
/// control character, DEL, and the Unicode bidirectional controls (the marks U+200E and
/// U+200F, the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069) that
/// can make text read differently from what it is. Newlines are kept when asked; tabs
/// become a space.
///
/// This is the one sanitiser for untrusted text on the screen, and for string values in
/// `--json` output (clean them before encoding: the encoder escapes only C0 controls, so C1
/// controls such as U+009B, the 8-bit CSI, and bidirectional controls would otherwise reach
/// a terminal that shows the JSON).
public enum Sanitizer {
    /// `text` without control characters or escape sequences.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0A:
                result.append(keepNewlines ? scalar : " ")
            case 0x09:
                result.append(" ")
            case 0x1B:
                skipEscape(&scalars)
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipString(&scalars)
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Skips what follows an ESC.
    private static func skipEscape(_ scalars: inout Substring.UnicodeScalarView) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default:
            // nF sequences: intermediates 0x20–0x2F, then one final byte.
            if (0x20...0x2F).contains(next.value) {
                while let scalar = scalars.popFirst(), (0x20...0x2F).contains(scalar.value) {}
            }
        }
    }

    /// Skips a CSI's parameters and intermediates up to and including its final byte.
    private static func skipControlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.popFirst() {
            if (0x40...0x7E).contains(scalar.value) { return }
            if !(0x20...0x3F).contains(scalar.value) { return }
        }
    }

    /// Skips a control string up to its terminator: BEL, ST (`ESC \`) or 8-bit ST.
    private static func skipString(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.popFirst() {
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
