import Decks
import Foundation
import Scheduling

/// One rated answer of a study session: what the caller saves before showing the next card.
///
/// It maps one to one onto the progress store's study record (`ReviewRecord.study`): the
/// item, the rating, the time, the states before and after, and the duration.
public struct SessionReview: Sendable, Hashable {
    /// The item answered.
    public var item: StudyItem
    /// The rating given (the proposed one or the user's override).
    public var rating: Rating
    /// The item's state before the answer (what undo restores).
    public var before: CardState
    /// The item's state after the answer, from the deck's scheduler.
    public var after: CardState
    /// When the rating was given.
    public var time: Date
    /// How long the answer took: from showing the question to submitting the answer (to
    /// rating it when nothing was submitted), at most the session's maximum answer duration.
    public var duration: TimeInterval
    /// What the user typed, when they typed something.
    public var answer: String?
    /// The verdict on an auto-graded answer; `nil` for basic cards.
    public var verdict: AnswerVerdict?
    /// The card's other items this answer buried (taken out of the session until
    /// ``siblingsBuriedUntil``): save them as buried with the answer, unbury them on undo.
    public var buriedSiblings: [StudyItem] = []
    /// Until when ``buriedSiblings`` are buried (the start of the next study day).
    public var siblingsBuriedUntil: Date?

    /// Creates a review from its parts.
    public init(
        item: StudyItem, rating: Rating, before: CardState, after: CardState, time: Date, duration: TimeInterval,
        answer: String? = nil, verdict: AnswerVerdict? = nil
    ) {
        self.item = item
        self.rating = rating
        self.before = before
        self.after = after
        self.time = time
        self.duration = duration
        self.answer = answer
        self.verdict = verdict
    }

    /// The duration in whole milliseconds, as the progress store keeps it.
    public var durationMilliseconds: Int {
        Int((duration * 1000).rounded())
    }
}
