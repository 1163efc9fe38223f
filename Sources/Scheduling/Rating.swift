/// How well a card was recalled, on Anki's four-button scale.
public enum Rating: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Forgotten: the card lapses (or restarts its learning steps).
    case again = 1
    /// Recalled with serious difficulty.
    case hard = 2
    /// Recalled after some thought.
    case good = 3
    /// Recalled effortlessly.
    case easy = 4

    /// The lower-case name shown to users ("again", "hard", "good", "easy").
    public var description: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }
}
