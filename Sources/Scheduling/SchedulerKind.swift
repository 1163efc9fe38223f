/// Which spaced-repetition algorithm schedules a deck.
public enum SchedulerKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// FSRS-6, the default.
    case fsrs
    /// Anki's classic SM-2.
    case sm2
}
