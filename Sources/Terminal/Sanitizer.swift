import Decks

/// Makes untrusted text (from decks and imports) safe to print on a terminal.
///
/// It removes escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL or ST`, DCS, SOS, PM and
/// APC strings up to ST, and two-byte `ESC x`), their 8-bit C1 forms, every other C0 and C1
/// control character, DEL, and the Unicode bidirectional controls (the marks U+200E and
/// U+200F, the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069) that
/// can make text read differently from what it is. Newlines (LF, CR LF or a lone CR) are
/// kept when asked; tabs become a space.
///
/// This is the one sanitiser for untrusted text on the screen, and for string values in
/// `--json` output (clean them before encoding: the encoder escapes only C0 controls, so C1
/// controls such as U+009B, the 8-bit CSI, and bidirectional controls would otherwise reach
/// a terminal that shows the JSON).
public enum Sanitizer {
    /// `text` without control characters or escape sequences (see `TextRules.cleaned`, which
    /// drafting uses on summaries too, so both agree on what is removed).
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        TextRules.cleaned(text, keepNewlines: keepNewlines)
    }
}
