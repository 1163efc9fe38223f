/// Why a summary could not be drafted into a deck.
///
/// The messages say what is wrong with the file and what to do about it; the command puts
/// the file name in front (`error: notes.md: the file is empty …`).
public enum DraftError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file has no text at all (or only white space).
    case empty
    /// The file holds binary data (a NUL byte), not text.
    case binary
    /// The file is not valid UTF-8; `line` is the first line with an invalid byte.
    case notUTF8(line: Int)
    /// Nothing in the file gave a card.
    case noUsableSentence

    /// The message, without the file name.
    public var description: String {
        switch self {
        case .empty:
            "the file is empty: write a summary (plain text or Markdown) to draft a deck from"
        case .binary:
            "this is a binary file, not a text summary: give a plain-text or Markdown file"
        case .notUTF8(let line):
            "line \(line) is not UTF-8 text: save the summary as UTF-8 and try again"
        case .noUsableSentence:
            "no sentence to draft a card from: write full sentences of 6 to 45 words that name "
                + "people, places, dates or terms, or entry lines such as \"Name: description\""
        }
    }
}
