/// A deck's new-card budget for the current study day.
public struct NewCardAllowance: Sendable, Hashable {
    /// The deck's new cards per day.
    public var limit: Int
    /// New cards already introduced (first answered in a study session) today.
    public var introducedToday: Int

    /// Creates an allowance.
    public init(limit: Int, introducedToday: Int) {
        self.limit = limit
        self.introducedToday = introducedToday
    }

    /// How many more new cards today allows.
    public var remaining: Int { max(0, limit - introducedToday) }
}
