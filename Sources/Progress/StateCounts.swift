/// How many of a deck's items are in each phase (orphans left out).
public struct StateCounts: Sendable, Hashable {
    /// Never studied.
    public var new: Int
    /// In their learning steps.
    public var learning: Int
    /// Graduated to review.
    public var review: Int
    /// In their relearning steps after a lapse.
    public var relearning: Int
    /// Suspended (also counted in their phase).
    public var suspended: Int

    /// Creates counts; all zero by default.
    public init(new: Int = 0, learning: Int = 0, review: Int = 0, relearning: Int = 0, suspended: Int = 0) {
        self.new = new
        self.learning = learning
        self.review = review
        self.relearning = relearning
        self.suspended = suspended
    }

    /// All items, whatever their phase.
    public var total: Int { new + learning + review + relearning }
}
