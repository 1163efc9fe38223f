/// Why a cloze text could not be parsed. `description` is the exact message `recall check`
/// prints after the card.
public enum ClozeSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text has no deletion at all.
    case noDeletion
    /// A `{{` that does not start `{{cN::`; carries the text from the `{{`.
    case malformed(String)
    /// A deletion numbered `c0`.
    case numberZero(String)
    /// A deletion with no closing `}}`.
    case unterminated(String)
    /// A `{{` inside a deletion.
    case nested(String)
    /// A `}}` with no deletion open.
    case unopened
    /// A deletion whose answer is empty; carries the whole deletion.
    case emptyAnswer(String)
    /// A deletion whose hint is empty (`{{c1::answer::}}`); carries the whole deletion.
    case emptyHint(String)

    /// The message, with the fix.
    public var description: String {
        switch self {
        case .noDeletion:
            "cloze text has no deletion (mark the hidden part as {{c1::answer}})"
        case .malformed(let text):
            "malformed cloze deletion \(quoted(text)): write {{c1::answer}} or {{c1::answer::hint}}"
        case .numberZero(let text):
            "cloze deletion \(quoted(text)) is numbered 0: numbers start at c1"
        case .unterminated(let text):
            "cloze deletion \(quoted(text)) is not closed with \"}}\""
        case .nested(let text):
            "cloze deletion \(quoted(text)) contains another \"{{\": deletions cannot nest"
        case .unopened:
            "cloze text has \"}}\" outside a deletion"
        case .emptyAnswer(let text):
            "cloze deletion \(quoted(text)) has an empty answer"
        case .emptyHint(let text):
            "cloze deletion \(quoted(text)) has an empty hint (leave out \"::\" for no hint)"
        }
    }
}
