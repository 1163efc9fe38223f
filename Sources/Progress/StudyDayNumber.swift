import Foundation
import GRDB

/// Numbers study days: the number of a study day is the count of days from 1970-01-01 to
/// the local date its `DayRollover` starts it on, so consecutive study days have consecutive
/// numbers whatever the clock changes in between.
///
/// Each answer is filed under its study day, numbered when it is saved (the review row's
/// `study_day`), so a day is numbered as it was lived where the answer was given. The SQL
/// function `recall_study_day(ms)` numbers the answers of stores made before that column,
/// during their migration only.
final class StudyDayNumber: @unchecked Sendable {
    /// The SQL function's name.
    static let functionName = "recall_study_day"

    /// Where days start and end.
    let rollover: DayRollover
    // The days numbered so far (number → start and end in Unix ms), so that numbering a
    // history of years takes one calendar computation per day, not per answer; guarded by `lock`.
    private let lock = NSLock()
    private var known: [Int: (start: Int64, end: Int64)] = [:]

    /// Numbers the study days of `rollover`.
    init(rollover: DayRollover) {
        self.rollover = rollover
    }

    /// The number of the study day containing `date`.
    func number(of date: Date) -> Int {
        Self.number(ofDayStartingAt: rollover.start(ofDayContaining: date), calendar: rollover.calendar)
    }

    /// The number of the study day containing the Unix time `milliseconds`.
    ///
    /// A guess from the UTC offset (the local date `hour` hours earlier) is checked against
    /// the exact bounds of the days around it, each computed once.
    func number(ofMilliseconds milliseconds: Int64) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let date = Date(unixMilliseconds: milliseconds)
        let offset: Int64 = Int64(rollover.calendar.timeZone.secondsFromGMT(for: date)) * 1_000
        let hour: Int64 = Int64(rollover.hour) * 3_600_000
        let local: Int64 = milliseconds + offset - hour
        let dayLength: Int64 = 86_400_000
        var guessed: Int64 = local / dayLength
        if local < 0 && local % dayLength != 0 { guessed -= 1 }
        let guess = Int(guessed)
        for candidate in [guess, guess - 1, guess + 1] {
            if let day = known[candidate], day.start <= milliseconds, milliseconds < day.end { return candidate }
        }
        let start = rollover.start(ofDayContaining: date)
        let number = Self.number(ofDayStartingAt: start, calendar: rollover.calendar)
        known[number] = (start.unixMilliseconds, rollover.start(ofDayAfter: date).unixMilliseconds)
        return number
    }

    /// The SQL function `recall_study_day(ms)` over this numbering.
    var function: DatabaseFunction {
        DatabaseFunction(Self.functionName, argumentCount: 1, pure: true) { [self] values in
            guard let milliseconds = Int64.fromDatabaseValue(values[0]) else { return nil }
            return number(ofMilliseconds: milliseconds)
        }
    }

    /// The days from 1970-01-01 to the local date of `start` in `calendar`.
    static func number(ofDayStartingAt start: Date, calendar: Calendar) -> Int {
        let parts = calendar.dateComponents([.year, .month, .day], from: start)
        return daysFromCivil(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
