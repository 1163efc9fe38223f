/// What is due after a session, from the progress store: for the summary's "what next".
public struct DueOutlook: Sendable, Hashable {
    /// Studied cards due before the current study day ends.
    public var today: Int
    /// Studied cards due during the next study day.
    public var tomorrow: Int

    /// Creates an outlook.
    public init(today: Int, tomorrow: Int) {
        self.today = today
        self.tomorrow = tomorrow
    }
}
