import Progress
import Scheduling

/// One Anki card's history and schedule, as recall keeps them.
struct ImportedCardProgress: Sendable {
    /// The answers, oldest first, each with the states before and after.
    /// (Empty when made by `HistoryMapping.schedule`, which only counts them.)
    var reviews: [ReviewRecord]
    /// How many answers the card has.
    var answerCount: Int
    /// The card's state now (Anki's phase, step, due and interval; its memory state).
    var state: CardState
    /// Whether Anki had it suspended.
    var suspended: Bool
    /// Review-log rows that were not answers (manual changes, reschedules).
    var skippedRows: Int
}
