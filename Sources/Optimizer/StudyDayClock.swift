import Foundation

/// Numbers local study days, the way fsrs-rs counts the days between reviews.
///
/// A study day starts at the rollover hour (04:00 by default, as in Anki) in a time zone. A
/// moment's day is the local calendar date of the moment moved back by the rollover hour, so a
/// review at 01:30 belongs to the day before. Days are numbered so that consecutive local dates
/// have consecutive numbers, and `delta_t` between two reviews is the difference of their numbers.
public struct StudyDayClock: Sendable {
    /// The time zone days are counted in.
    public let timeZone: TimeZone
    /// The local hour (0 to 23) at which a study day starts.
    public let rolloverHour: Int
    /// The UTC offset in seconds per hour since 1970 (offsets only change on whole hours in
    /// practice, and a history spans few hours, so this turns a time-zone look-up per review
    /// into a dictionary look-up).
    private var offsets: [Int64: Int64] = [:]
    /// The most recent look-up, for runs of reviews in the same hour.
    private var lastHour: Int64 = .min, lastOffset: Int64 = 0
    /// The offset of a zone that never changes it (UTC, fixed offsets).
    private let fixedOffset: Int64?

    /// Creates a clock for `timeZone` with days starting at `rolloverHour` (clamped to 0 … 23).
    public init(timeZone: TimeZone, rolloverHour: Int = 4) {
        self.timeZone = timeZone
        self.rolloverHour = min(max(rolloverHour, 0), 23)
        let early = Date(timeIntervalSince1970: -2_208_988_800)  // 1900
        let offset = timeZone.secondsFromGMT(for: early)
        fixedOffset =
            timeZone.nextDaylightSavingTimeTransition(after: early) == nil
                && offset == timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 4_102_444_800))  // 2100
            ? Int64(offset) : nil
    }

    /// The number of the study day containing a moment given in microseconds since 1970 (UTC).
    public mutating func day(ofMicroseconds time: Int64) -> Int64 {
        let seconds = Self.floorDivide(time, 1_000_000) - Int64(rolloverHour) * 3_600
        if let fixedOffset { return Self.floorDivide(seconds + fixedOffset, 86_400) }
        let hour = Self.floorDivide(seconds, 3_600)
        if hour != lastHour {
            if let known = offsets[hour] {
                lastOffset = known
            } else {
                lastOffset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour * 3_600))))
                offsets[hour] = lastOffset
            }
            lastHour = hour
        }
        return Self.floorDivide(seconds + lastOffset, 86_400)
    }

    /// `a / b` rounded towards minus infinity (`b` > 0).
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && a < 0) ? quotient - 1 : quotient
    }
}
