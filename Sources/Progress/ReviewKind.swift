/// What kind of answer a review-log row records.
public enum ReviewKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An answer in a study session: it moves the card's schedule.
    case study
    /// An answer in a practice quiz: logged, but the schedule stays as it was.
    case practice
    /// A change made by hand (a reset or a new due date), with no rating.
    case manual
}
