import Foundation

/// How a study session behaves; the defaults follow Anki.
public struct StudySessionOptions: Sendable, Hashable {
    /// When nothing else is left, a learning item due within this many seconds is shown
    /// early rather than ending the session (Anki's "learn ahead limit", 20 minutes).
    public var learnAheadLimit: TimeInterval
    /// The longest time one answer is counted as taking (Anki's 60 seconds), so that a
    /// card left on screen during a break does not count as an hour of study.
    public var maximumAnswerDuration: TimeInterval
    /// The seed of the session's random choices (the order of multiple-choice options).
    public var seed: UInt64
    /// How answers are matched.
    public var matcher: AnswerMatcher
    /// The decks whose cards' siblings are not buried (their `settings --bury-siblings off`).
    /// Elsewhere, answering one item of a card buries the card's other items still waiting
    /// as new cards or reviews (its reverse, its other cloze deletions) until the next study
    /// day, as Anki does; see ``StudySession/rate(_:at:buryingSiblingsUntil:)``.
    public var siblingsKeptIn: Set<String>

    /// Creates options; every argument defaults to the values above.
    public init(
        learnAheadLimit: TimeInterval = 20 * 60, maximumAnswerDuration: TimeInterval = 60, seed: UInt64 = 0,
        matcher: AnswerMatcher = AnswerMatcher(), siblingsKeptIn: Set<String> = []
    ) {
        self.learnAheadLimit = learnAheadLimit
        self.maximumAnswerDuration = maximumAnswerDuration
        self.seed = seed
        self.matcher = matcher
        self.siblingsKeptIn = siblingsKeptIn
    }
}
