/// How often review cards were recalled over a period: the true retention.
///
/// Counts study answers to cards in the review phase (not learning steps, not practice),
/// and calls every rating but again a recall.
public struct Retention: Sendable, Hashable {
    /// Study answers to review-phase cards in the period.
    public var reviews: Int
    /// Of those, the ones rated hard, good or easy.
    public var recalled: Int

    /// Creates a tally.
    public init(reviews: Int, recalled: Int) {
        self.reviews = reviews
        self.recalled = recalled
    }

    /// The share recalled (0 to 1), or `nil` with no reviews.
    public var rate: Double? { reviews == 0 ? nil : Double(recalled) / Double(reviews) }
}
