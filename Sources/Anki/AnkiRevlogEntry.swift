/// One row of Anki's review log.
struct AnkiRevlogEntry: Sendable, Hashable {
    /// The time of the review, in Unix milliseconds (the row's id).
    var id: Int64
    /// The card's id.
    var cardID: Int64
    /// 1 again, 2 hard, 3 good, 4 easy; 0 for manual changes.
    var ease: Int
    /// The interval given: days when positive, seconds when negative.
    var interval: Int
    /// The time the answer took, in milliseconds.
    var milliseconds: Int
    /// 0 learning, 1 review, 2 relearning, 3 filtered, 4 manual, 5 rescheduled.
    var type: Int

    /// Whether this row is an answer (ease 1 to 4, not a manual change or a reschedule, at a
    /// time between 1970 and 9999: a damaged row's time is not one).
    var isAnswer: Bool { (1...4).contains(ease) && type <= 3 && (0...253_402_300_799_000).contains(id) }
}
