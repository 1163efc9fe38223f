import Foundation
import GRDB

/// Consecutive study days with at least one answer (study or practice).
///
/// Days roll over at the store's `DayRollover` (04:00 local time by default). The current
/// streak runs up to today, or up to yesterday while today has no answer yet: a streak is
/// not broken until a whole study day passes without one.
public struct StudyStreak: Sendable, Hashable {
    /// The length of the current streak in days (0 when neither today nor yesterday had an answer).
    public var current: Int
    /// The longest streak ever, in days (the current one included).
    public var longest: Int
    /// Whether today already has an answer (so the current streak includes today).
    public var studiedToday: Bool

    /// Creates a streak.
    public init(current: Int, longest: Int, studiedToday: Bool) {
        self.current = current
        self.longest = longest
        self.studiedToday = studiedToday
    }

    /// The streaks of the study days numbered `days` (see `StudyDayNumber`; ascending, no
    /// repeats), when today is numbered `today` (days after it are left out).
    public init<Days: Sequence>(activeDays days: Days, today: Int) where Days.Element == Int {
        var iterator = days.makeIterator()
        self.init(next: { iterator.next() }, today: today)
    }

    /// The streaks of the study days a database cursor yields, ascending.
    init<Days: Cursor>(activeDays days: Days, today: Int) throws where Days.Element == Int {
        var failure: (any Error)?
        self.init(
            next: {
                do { return try days.next() } catch {
                    failure = error
                    return nil
                }
            }, today: today)
        if let failure { throw failure }
    }

    /// The streaks of the days `next` gives, ascending, until it gives `nil`.
    private init(next: () -> Int?, today: Int) {
        var longest = 0
        var run = 0
        var previous: Int?
        while let day = next(), day <= today {
            run = previous == day - 1 ? run + 1 : 1
            longest = max(longest, run)
            previous = day
        }
        let studiedToday = previous == today
        let current = previous == today || previous == today - 1 ? run : 0
        self.init(current: current, longest: longest, studiedToday: studiedToday)
    }
}
