/// What kind of session the user ran.
public enum SessionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A spaced-repetition study session.
    case study
    /// A practice quiz, which leaves the schedule alone.
    case quiz
}
