/// The scheduling part of an Anki deck-options preset.
struct AnkiDeckOptions: Sendable, Hashable {
    /// Anki's id.
    var id: Int64
    /// Desired retention (FSRS), when set.
    var desiredRetention: Double?
    /// FSRS parameters (the newest set found: FSRS-6, else 5, else 4.5), when set.
    var parameters: [Double]?
    /// Learning steps, in minutes.
    var learningSteps: [Double]?
    /// Relearning steps, in minutes.
    var relearningSteps: [Double]?
    /// Maximum interval, in days.
    var maximumInterval: Int?
    /// New cards per day.
    var newPerDay: Int?
}
