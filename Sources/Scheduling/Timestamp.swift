/// ISO 8601 timestamps as whole microseconds since 1970-01-01T00:00:00Z, parsed and printed
/// byte by byte (fast enough for millions of rows, independent of the locale and time zone).
public enum Timestamp {
    /// Parses `2024-01-03T00:10:00Z`, `2024-03-29T20:32:32.25+00:00`, `2024-03-29 20:32:32-0500`:
    /// a date, `T` (or a space), hours and minutes, optional seconds and fraction (digits past
    /// the microsecond are dropped), and a required offset (`Z`, `±HH:MM`, `±HHMM` or `±HH`).
    /// Returns `nil` for anything else, including impossible dates and times.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var cursor = ByteCursor(bytes: bytes)
        let year: Int
        let month: Int
        let day: Int
        let hour: Int
        let minute: Int
        var second = 0
        var hasSeconds = false
        if let fields = fixedDateTime(bytes) {
            // The common form, `YYYY-MM-DDTHH:MM:SS`, read in one go.
            (year, month, day, hour, minute, second) = fields
            hasSeconds = true
            cursor.index = 19
        } else {
            guard let y = cursor.digits(4), cursor.skip(0x2D), let m = cursor.digits(2), cursor.skip(0x2D),
                let d = cursor.digits(2), cursor.skip(0x54) || cursor.skip(0x74) || cursor.skip(0x20),
                let h = cursor.digits(2), cursor.skip(0x3A), let mi = cursor.digits(2)
            else { return nil }
            (year, month, day, hour, minute) = (y, m, d, h, mi)
            if cursor.skip(0x3A) {
                guard let s = cursor.digits(2) else { return nil }
                second = s
                hasSeconds = true
            }
        }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var microsecond = 0
        if hasSeconds && (cursor.skip(0x2E) || cursor.skip(0x2C)) {
            var scale = 100_000
            let start = cursor.index
            while let digit = cursor.digit() {
                microsecond += digit * scale
                scale /= 10
            }
            guard cursor.index > start else { return nil }
        }
        var offsetSeconds = 0
        if cursor.skip(0x5A) || cursor.skip(0x7A) {  // Z, z
        } else if let sign = cursor.skip(0x2B) ? 1 : cursor.skip(0x2D) ? -1 : nil {
            guard let offsetHours = cursor.digits(2), offsetHours <= 23 else { return nil }
            var offsetMinutes = 0
            if !cursor.atEnd {
                _ = cursor.skip(0x3A)
                guard let value = cursor.digits(2), value <= 59 else { return nil }
                offsetMinutes = value
            }
            offsetSeconds = sign * (offsetHours * 3_600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard cursor.atEnd else { return nil }
        let seconds =
            daysSince1970(year: year, month: month, day: day) * 86_400
            + hour * 3_600 + minute * 60 + second - offsetSeconds
        return Int64(seconds) * 1_000_000 + Int64(microsecond)
    }

    /// Year, month, day, hour, minute and second of `YYYY-MM-DDTHH:MM:SS` (`T` may be `t` or a
    /// space) at the start of `bytes`, or `nil` when they are not in exactly that form.
    private static func fixedDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int, Int, Int)? {
        guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20
        else { return nil }
        // Each digit as its value (a non-digit gives more than 9).
        let y0 = bytes[0] &- 48
        let y1 = bytes[1] &- 48
        let y2 = bytes[2] &- 48
        let y3 = bytes[3] &- 48
        let m0 = bytes[5] &- 48
        let m1 = bytes[6] &- 48
        let d0 = bytes[8] &- 48
        let d1 = bytes[9] &- 48
        let h0 = bytes[11] &- 48
        let h1 = bytes[12] &- 48
        let n0 = bytes[14] &- 48
        let n1 = bytes[15] &- 48
        let s0 = bytes[17] &- 48
        let s1 = bytes[18] &- 48
        // v + 6 stays under 16 exactly when v ≤ 9 (computed in UInt32, so nothing wraps).
        func spill(_ a: UInt8, _ b: UInt8) -> UInt32 { (UInt32(a) + 6) | (UInt32(b) + 6) }
        var spilled = spill(y0, y1) | spill(y2, y3) | spill(m0, m1)
        spilled |= spill(d0, d1) | spill(h0, h1) | spill(n0, n1) | spill(s0, s1)
        guard spilled & ~15 == 0 else { return nil }
        func pair(_ tens: UInt8, _ ones: UInt8) -> Int { Int(tens) * 10 + Int(ones) }
        return (pair(y0, y1) * 100 + pair(y2, y3), pair(m0, m1), pair(d0, d1), pair(h0, h1), pair(n0, n1), pair(s0, s1))
    }

    /// Reads ASCII digits and punctuation off a byte buffer.
    private struct ByteCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// Consumes `byte` if it is next.
        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Consumes one digit if the next byte is one.
        mutating func digit() -> Int? {
            guard index < bytes.count else { return nil }
            let value = Int(bytes[index]) &- 48
            guard value >= 0 && value <= 9 else { return nil }
            index += 1
            return value
        }

        /// Consumes exactly `length` digits.
        mutating func digits(_ length: Int) -> Int? {
            var value = 0
            for _ in 0..<length {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }

    /// Appends `seconds` since 1970 as `2024-01-03T00:10:00Z` (years 0 to 9999).
    public static func appendUTC(seconds: Int64, to output: inout [UInt8]) {
        appendUTC(seconds: seconds, into: &output)
    }

    /// Appends `seconds` since 1970 as `2024-01-03T00:10:00Z` to any byte sink.
    @inlinable
    public static func appendUTC<Sink: ByteSink>(seconds: Int64, into output: inout Sink) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = civilDate(daysSince1970: days)
        let clampedYear = min(max(year, 0), 9_999)
        output.appendTwoDigits(clampedYear / 100)
        output.appendTwoDigits(clampedYear % 100)
        output.append(0x2D)
        output.appendTwoDigits(month)
        output.append(0x2D)
        output.appendTwoDigits(day)
        output.append(0x54)
        output.appendTwoDigits(secondOfDay / 3_600)
        output.append(0x3A)
        output.appendTwoDigits(secondOfDay / 60 % 60)
        output.append(0x3A)
        output.appendTwoDigits(secondOfDay % 60)
        output.append(0x5A)
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    @inlinable
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
