import Scheduling

/// Whether a typed answer is right, and how it differed from the expected one.
public enum AnswerVerdict: Sendable, Hashable {
    /// The same answer once normalised (see ``AnswerNormalization``).
    case correct
    /// Accepted with forgiven typos: `expected` is the accepted answer it was matched to
    /// (as written in the deck) and `differences` shows what differed.
    case correctWithTypo(expected: String, differences: [DiffSegment])
    /// Wrong. When the answer was close (see ``AnswerMatcher``), `closest` is the accepted
    /// answer it came nearest to and `differences` shows what differed; otherwise `closest`
    /// is `nil` and `differences` is empty.
    case incorrect(closest: String?, differences: [DiffSegment])

    /// Whether the answer counts as right (``correct`` or ``correctWithTypo(expected:differences:)``).
    public var isCorrect: Bool {
        switch self {
        case .correct, .correctWithTypo: true
        case .incorrect: false
        }
    }

    /// The rating recall proposes for this verdict: good when right, again when wrong.
    public var proposedRating: Rating {
        isCorrect ? .good : .again
    }

    /// What differed, when there is something to show (a typo, or a close miss).
    public var differences: [DiffSegment] {
        switch self {
        case .correct: []
        case .correctWithTypo(_, let differences), .incorrect(_, let differences): differences
        }
    }
}
