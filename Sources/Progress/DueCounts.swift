/// How many of a deck's studied items are due, now and over the next two study days.
public struct DueCounts: Sendable, Hashable {
    /// Due at or before the moment asked about.
    public var now: Int
    /// Due before the current study day ends (including `now`).
    public var today: Int
    /// Due during the next study day.
    public var tomorrow: Int

    /// Creates counts; all zero by default.
    public init(now: Int = 0, today: Int = 0, tomorrow: Int = 0) {
        self.now = now
        self.today = today
        self.tomorrow = tomorrow
    }
}
