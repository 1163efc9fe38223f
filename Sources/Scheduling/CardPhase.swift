/// Where a card is in its scheduling life cycle.
public enum CardPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Never reviewed.
    case new
    /// Going through the learning steps after its first review.
    case learning
    /// Graduated: scheduled in days.
    case review
    /// Lapsed from review and going through the relearning steps.
    case relearning
}
