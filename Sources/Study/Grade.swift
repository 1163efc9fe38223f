import Scheduling

/// What recall makes of an answer to a question.
public enum Grade: Sendable, Hashable {
    /// A basic (self-graded) card: show the answer, then ask for a rating 1 to 4. There is
    /// no proposed rating.
    case revealed
    /// An auto-graded answer with its verdict; show it, the expected answer and the
    /// explanation, and propose ``proposedRating`` (Enter accepts, 1 to 4 overrides).
    case answered(AnswerVerdict)
    /// The input is not an answer (a letter that labels no choice, "maybe" to a true/false
    /// question…): show the message and ask again. Nothing is recorded.
    case invalid(message: String)

    /// The rating recall proposes: good when right, again when wrong; `nil` when the user
    /// must rate (``revealed``) or answer again (``invalid(message:)``).
    public var proposedRating: Rating? {
        if case .answered(let verdict) = self { return verdict.proposedRating }
        return nil
    }

    /// The verdict of an auto-graded answer, or `nil`.
    public var verdict: AnswerVerdict? {
        if case .answered(let verdict) = self { return verdict }
        return nil
    }
}
