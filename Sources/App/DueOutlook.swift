import Progress

/// What is due after a session, from the progress store: for the summary's "what next".
public struct DueOutlook: Sendable, Hashable {
    /// Studied cards due before the current study day ends.
    public var today: Int
    /// Studied cards due during the next study day.
    public var tomorrow: Int
    /// Answers given today over every deck (the stats' figure), when known.
    public var reviewsToday: Int?
    /// The study streak (the stats' figure), when known.
    public var streak: StudyStreak?

    /// Creates an outlook.
    public init(today: Int, tomorrow: Int, reviewsToday: Int? = nil, streak: StudyStreak? = nil) {
        self.today = today
        self.tomorrow = tomorrow
        self.reviewsToday = reviewsToday
        self.streak = streak
    }
}
