import Foundation
import Testing

@testable import Scheduling

struct TimestampTests {
    static func parse(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { Timestamp.parse($0) }
    }

    static let valid: [(String, Int64)] = [
        ("1970-01-01T00:00:00Z", 0),
        ("2024-01-01T00:00:00Z", 1_704_067_200_000_000),
        ("2024-01-01T01:00:00+01:00", 1_704_067_200_000_000),
        ("2023-12-31T19:00:00-0500", 1_704_067_200_000_000),
        ("2024-01-01 05:30+05:30", 1_704_067_200_000_000),
        ("2024-03-29T20:32:32.250000+00:00", 1_711_744_352_250_000),
        ("2024-03-29T20:32:32.2500009z", 1_711_744_352_250_000),
        ("2024-02-29T23:59:59.999999Z", 1_709_251_199_999_999),
        ("1969-12-31T23:59:59Z", -1_000_000),
    ]

    @Test(arguments: valid)
    func parsesISO8601WithAnOffset(text: String, microseconds: Int64) {
        #expect(Self.parse(text) == microseconds)
    }

    @Test(arguments: [
        "", "2024-01-01", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "2024-01-32T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00:00+1", "2024-01-01T00:00:00Z ", "24-01-01T00:00:00Z", "2024-01-01X00:00:00Z",
        "2024-01-01T00:00:0*Z", "2024-01-01T00:00:0:Z", "2024-0/-01T00:00:00Z", "2024-01-01T00:00:00.5",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test func printsUTCToTheSecond() {
        for (text, micros) in Self.valid where micros % 1_000_000 == 0 && micros >= 0 && text.hasSuffix(":00Z") {
            var bytes: [UInt8] = []
            Timestamp.appendUTC(seconds: micros / 1_000_000, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == text)
        }
        var bytes: [UInt8] = []
        Timestamp.appendUTC(seconds: 253_402_300_799, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "9999-12-31T23:59:59Z")
    }

    @Test func civilDatesRoundTripOverFourHundredYears() {
        for days in stride(from: -200_000, through: 200_000, by: 37) {
            let (year, month, day) = Timestamp.civilDate(daysSince1970: days)
            #expect(Timestamp.daysSince1970(year: year, month: month, day: day) == days)
        }
    }

    @Test func decimalsTwoDigitsAtATime() {
        for value in [0, 7, 10, 99, 100, 101, 9_999, 12_345, 36_500, -7, -120, Int.max, Int.min] {
            var bytes: [UInt8] = []
            bytes.appendDecimal(value)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}
