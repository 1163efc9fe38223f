import Decks
import Foundation
import Scheduling

/// One graded quiz answer: what the caller logs as practice (it does not change the
/// schedule).
///
/// It maps onto the progress store's practice record (`ReviewRecord.practice`), which
/// also takes the item's current state: the caller looks that up.
public struct QuizAnswer: Sendable, Hashable {
    /// The question asked.
    public var question: Question
    /// What the user typed (white space collapsed); empty when they gave up.
    public var answer: String
    /// The verdict.
    public var verdict: AnswerVerdict
    /// When the answer was given.
    public var time: Date
    /// From showing the question to the answer, at most the quiz's maximum answer duration.
    public var duration: TimeInterval

    /// Creates an answer from its parts.
    public init(question: Question, answer: String, verdict: AnswerVerdict, time: Date, duration: TimeInterval) {
        self.question = question
        self.answer = answer
        self.verdict = verdict
        self.time = time
        self.duration = duration
    }

    /// The item answered.
    public var item: StudyItem { question.item }

    /// The rating logged with the practice answer: good when right, again when wrong.
    public var rating: Rating { verdict.proposedRating }

    /// The duration in whole milliseconds, as the progress store keeps it.
    public var durationMilliseconds: Int {
        Int((duration * 1000).rounded())
    }
}
