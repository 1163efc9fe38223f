import Foundation

/// Where one study day ends and the next begins: 04:00 local time by default, as in Anki.
///
/// New-card limits, "due today" and reviews per day all count in these days, so a late
/// session after midnight still belongs to the evening it started in.
public struct DayRollover: Sendable, Hashable {
    /// The calendar (and, through it, the time zone) days are counted in.
    public var calendar: Calendar
    /// The local hour (0 to 23) at which a new study day starts.
    public var hour: Int

    /// Creates a rollover at `hour` o'clock in `calendar`'s time zone (the user's, by default).
    public init(calendar: Calendar = .current, hour: Int = 4) {
        self.calendar = calendar
        self.hour = min(max(hour, 0), 23)
    }

    /// The start of the study day that contains `date`.
    public func start(ofDayContaining date: Date) -> Date {
        let midnight = calendar.startOfDay(for: date)
        let rollover = atRolloverHour(onDayOf: midnight)
        if rollover <= date { return rollover }
        let previous = calendar.date(byAdding: .day, value: -1, to: midnight) ?? midnight.addingTimeInterval(-86_400)
        return atRolloverHour(onDayOf: previous)
    }

    /// The start of the study day after the one that contains `date`.
    public func start(ofDayAfter date: Date) -> Date {
        let start = start(ofDayContaining: date)
        let midnight = calendar.startOfDay(for: start)
        let next = calendar.date(byAdding: .day, value: 1, to: midnight) ?? midnight.addingTimeInterval(86_400)
        return atRolloverHour(onDayOf: next)
    }

    /// The rollover hour on the calendar day of `midnight` (the next valid time if a clock change skips it).
    private func atRolloverHour(onDayOf midnight: Date) -> Date {
        calendar.date(bySettingHour: hour, minute: 0, second: 0, of: midnight)
            ?? midnight.addingTimeInterval(TimeInterval(hour) * 3_600)
    }
}
