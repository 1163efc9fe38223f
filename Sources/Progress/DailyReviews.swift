import Foundation

/// The answers given during one study day.
public struct DailyReviews: Sendable, Hashable {
    /// When the study day started (the rollover hour, local time).
    public var day: Date
    /// Answers in study sessions.
    public var study: Int
    /// Answers in practice quizzes.
    public var practice: Int

    /// Creates a day's tally.
    public init(day: Date, study: Int, practice: Int) {
        self.day = day
        self.study = study
        self.practice = practice
    }
}
