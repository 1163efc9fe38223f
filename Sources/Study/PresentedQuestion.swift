import Foundation

/// The item being asked right now, and what has happened to it so far.
struct PresentedQuestion: Sendable, Hashable {
    /// The item with its state.
    var card: StudyCard
    /// The question as shown (with its option order).
    var question: Question
    /// When it was shown (or shown again after an undo).
    var shownAt: Date
    /// The grade of the submitted answer, once there is one.
    var grade: Grade?
    /// What was typed.
    var answer: String?
    /// When the answer was submitted.
    var answeredAt: Date?
}
