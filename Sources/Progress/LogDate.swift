import Foundation
import Scheduling

/// Parses the dates `recall log --since` accepts.
public enum LogDate {
    /// The moment `text` names, or `nil` when it is not a date recall understands.
    ///
    /// `YYYY-MM-DD` is the start (midnight) of that day in `calendar`'s time zone; an
    /// ISO 8601 time needs its offset: `2026-11-21T09:30:00Z`, `2026-11-21T09:30:00+02:00`,
    /// optionally with fractional seconds (read as `recall replay` reads `review_time`).
    public static func parse(_ text: String, calendar: Calendar = .current) -> Date? {
        let bytes = Array(text.utf8)
        if bytes.count == 10 {
            guard let (year, month, day) = dateParts(bytes) else { return nil }
            let components = DateComponents(year: year, month: month, day: day)
            guard let date = calendar.date(from: components),
                calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
            else { return nil }
            return date
        }
        let microseconds = bytes.withUnsafeBufferPointer { Timestamp.parse($0) }
        return microseconds.map { Date(timeIntervalSince1970: Double($0) / 1_000_000) }
    }

    /// `YYYY-MM-DD` as numbers, when every digit and dash is where it belongs.
    private static func dateParts(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            digitPositions.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) })
        else { return nil }
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
        }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }
}
