import Foundation

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

    /// The streaks in `active`, one flag per consecutive study day, oldest first, the last being today.
    public init(activeDays active: [Bool]) {
        var longest = 0
        var run = 0
        for day in active {
            run = day ? run + 1 : 0
            longest = max(longest, run)
        }
        let studiedToday = active.last ?? false
        var current = 0
        for day in active.dropLast(studiedToday ? 0 : 1).reversed() {
            guard day else { break }
            current += 1
        }
        self.init(current: current, longest: longest, studiedToday: studiedToday)
    }
}
