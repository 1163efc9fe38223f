/// How many items are left in a session, by category (the header's new · learning · review).
public struct QueueCounts: Sendable, Hashable, CustomStringConvertible {
    /// New items left.
    public var new: Int
    /// Learning and relearning items left that come back in this session.
    public var learning: Int
    /// Reviews left.
    public var review: Int

    /// Creates counts.
    public init(new: Int = 0, learning: Int = 0, review: Int = 0) {
        self.new = new
        self.learning = learning
        self.review = review
    }

    /// All items left.
    public var total: Int { new + learning + review }

    /// `new · learning · review`, as numbers: `3 · 1 · 12`.
    public var description: String { "\(new) · \(learning) · \(review)" }

    /// Counts one more item of `category`.
    mutating func add(_ category: QueueCategory) {
        switch category {
        case .new: new += 1
        case .learning: learning += 1
        case .review: review += 1
        }
    }
}
