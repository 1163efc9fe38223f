import Foundation
import Testing
@testable import Scheduling

struct ReplayTests {
    static func history(_ text: String, file: String = "history.csv") throws(ReviewHistoryError) -> ReviewHistory {
        try ReviewHistory(csv: Array(text.utf8), file: file)
    }

    /// The replay's output, checking that the one-pass, the sorting and the concurrent replays agree.
    static func output(_ history: ReviewHistory, _ scheduler: some Scheduler) throws -> String {
        let collector = Collector()
        ReplayWriter.write(history, outcomes: Replay.run(history, scheduler: scheduler), to: collector.append)
        if history.isChronologicalPerCard {
            let streamed = Collector()
            ReplayWriter.stream(history, scheduler: scheduler, to: streamed.append)
            #expect(streamed.bytes == collector.bytes)
        }
        let chosen = Collector()
        ReplayWriter.write(history, scheduler: scheduler, to: chosen.append)
        #expect(chosen.bytes == collector.bytes)
        let piped = Collector()
        try ReplayPipeline.run(csv: history.source, file: "history.csv", scheduler: scheduler, to: piped.append)
        #expect(piped.bytes == collector.bytes)
        return String(decoding: collector.bytes, as: UTF8.self)
    }

    final class Collector: @unchecked Sendable {
        var bytes: [UInt8] = []
        func append(_ chunk: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: chunk) }
    }

    static func error(_ text: String) -> String? {
        do {
            _ = try history(text)
            return nil
        } catch {
            return error.description
        }
    }

    /// The 12 580 real reviews of py-fsrs's test data, replayed by py-fsrs 6.3.2 (see
    /// tools/make_fsrs_fixtures.py): every row must print the same numbers.
    @Test func realRevlogMatchesPyFSRSRowByRow() throws {
        let input = try #require(Bundle.module.url(forResource: "fsrs-test-revlogs", withExtension: "csv", subdirectory: "Fixtures"))
        let expectedURL = try #require(Bundle.module.url(forResource: "fsrs-test-revlogs.expected", withExtension: "csv", subdirectory: "Fixtures"))
        let history = try ReviewHistory(csv: Array(try Data(contentsOf: input)), file: "fsrs-test-revlogs.csv")
        #expect(history.reviews.count == 12_580)
        #expect(history.cardCount == 1_205)
        #expect(history.isChronologicalPerCard)
        let lines = try Self.output(history, try FSRS()).split(separator: "\n")
        let expected = String(decoding: try Data(contentsOf: expectedURL), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == expected.count)
        #expect(lines.first == "card_id,review_time,rating,state,step,stability,difficulty,due")
        var mismatches = 0
        for (index, (line, want)) in zip(lines, expected).enumerated().dropFirst() {
            let computed = line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(3).joined(separator: ",")
            if computed != want {
                mismatches += 1
                if mismatches <= 5 { Issue.record("row \(index): \(computed) != \(want)") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func cardsAreNewAtTheirFirstRowAndTheirRowsApplyInTimeOrder() throws {
        let history = try Self.history("""
            card_id,review_time,review_rating,review_duration
            a,2024-01-01T09:00:00+01:00,3,100
            b,2024-01-01T08:30:00.5Z,1,100
            a,2024-01-01T08:10:00Z,3,100
            b,2024-01-01T08:31:00.5+00:00,3,100
            a,2024-01-03T08:10:00Z,4,100
            b,2024-01-20T12:00:00-05:00,1,100
            b,2024-01-20T17:10:00Z,2,100
            a,2024-03-01T00:00:00.123456Z,2,100

            """)
        #expect(history.isChronologicalPerCard)  // 09:00+01:00 is before 08:10Z
        // Expected: py-fsrs 6.3.2 via Benchmarks/replay_pyfsrs.py on the same rows.
        #expect(try Self.output(history, try FSRS()) == """
            card_id,review_time,rating,state,step,stability,difficulty,due
            a,2024-01-01T09:00:00+01:00,3,learning,1,2.306500,2.118104,2024-01-01T08:10:00Z
            b,2024-01-01T08:30:00.5Z,1,learning,0,0.212000,6.413300,2024-01-01T08:31:00Z
            a,2024-01-01T08:10:00Z,3,review,,2.306500,2.111214,2024-01-03T08:10:00Z
            b,2024-01-01T08:31:00.5+00:00,3,learning,1,0.246689,6.402115,2024-01-01T08:41:00Z
            a,2024-01-03T08:10:00Z,4,review,,18.534332,1.000000,2024-01-22T08:10:00Z
            b,2024-01-20T12:00:00-05:00,1,learning,0,0.176490,8.802628,2024-01-20T17:01:00Z
            b,2024-01-20T17:10:00Z,2,learning,0,0.176490,9.190357,2024-01-20T17:15:30Z
            a,2024-03-01T00:00:00.123456Z,2,review,,92.505343,4.010609,2024-06-02T00:00:00Z

            """)
    }

    @Test func rowsOutOfTimeOrderAreSortedPerCardWithTiesInFileOrder() throws {
        let history = try Self.history("""
            card_id,review_time,rating
            x,2024-01-02T10:00:00Z,3
            y,2024-01-01T00:00:00Z,1
            x,2024-01-01T09:00:00Z,3
            x,2024-01-01T09:00:00Z,1

            """)
        #expect(!history.isChronologicalPerCard)
        // Expected: py-fsrs 6.3.2 via Benchmarks/replay_pyfsrs.py on the same rows.
        #expect(try Self.output(history, try FSRS()) == """
            card_id,review_time,rating,state,step,stability,difficulty,due
            x,2024-01-02T10:00:00Z,3,learning,1,2.649498,7.382337,2024-01-02T10:10:00Z
            y,2024-01-01T00:00:00Z,1,learning,0,0.212000,6.413300,2024-01-01T00:01:00Z
            x,2024-01-01T09:00:00Z,3,learning,1,2.306500,2.118104,2024-01-01T09:10:00Z
            x,2024-01-01T09:00:00Z,1,learning,0,0.775084,7.394503,2024-01-01T09:01:00Z

            """)
    }

    @Test func sm2PrintsTheIntervalAndTheEase() throws {
        let history = try Self.history("card_id,review_time,rating\nx,2024-01-01T00:00:00Z,4\nx,2024-01-05T00:00:00Z,3\n")
        #expect(try Self.output(history, try SM2()) == """
            card_id,review_time,rating,state,step,stability,difficulty,due
            x,2024-01-01T00:00:00Z,4,review,,4.000000,2.500000,2024-01-05T00:00:00Z
            x,2024-01-05T00:00:00Z,3,review,,10.000000,2.500000,2024-01-15T00:00:00Z

            """)
    }

    @Test func quotedFieldsCRLFAndAByteOrderMarkAreAccepted() throws {
        let history = try Self.history("\u{FEFF}\"card_id\",review_time,rating\r\n\"card, one\",\"2024-01-01 00:00:00+00\",3\r\n")
        #expect(history.reviews.count == 1)
        #expect(try Self.output(history, try FSRS()).hasSuffix("\"card, one\",\"2024-01-01 00:00:00+00\",3,learning,1,2.306500,2.118104,2024-01-01T00:10:00Z\n"))
    }

    @Test func anEmptyHistoryPrintsTheHeaderOnly() throws {
        #expect(try Self.output(try Self.history("card_id,review_time,rating\n"), try FSRS()) == ReplayWriter.header)
    }

    /// A chronological history of `rows` reviews over `cards` cards, interleaved, each card
    /// reviewed about daily, with ratings cycling through 1 to 4.
    static func generated(rows: Int, cards: Int) -> String {
        var text = "card_id,review_time,rating\n"
        var bytes: [UInt8] = []
        for row in 0..<rows {
            bytes.removeAll()
            Timestamp.appendUTC(seconds: 1_704_067_200 + Int64(row / cards) * 90_000 + Int64(row % cards) * 7, to: &bytes)
            text += "card-\(row % cards),\(String(decoding: bytes, as: UTF8.self)),\((row * 7 / 3) % 4 + 1)\n"
        }
        return text
    }

    @Test func theConcurrentReplayAgreesOnALargeHistory() throws {
        let text = Self.generated(rows: 60_000, cards: 1_500)
        let history = try Self.history(text)
        #expect(history.isChronologicalPerCard)
        let output = try Self.output(history, try FSRS())
        #expect(output.split(separator: "\n").count == 60_001)
        // A card's row out of time order near the end: the one-pass replay must start over sorted.
        let shuffled = try Self.history(text + "card-3,2024-01-01T00:00:00Z,3\n")
        #expect(!shuffled.isChronologicalPerCard)
        _ = try Self.output(shuffled, try SM2())
    }

    @Test func theConcurrentReplayPrintsNothingForAMalformedRowAtTheEnd() throws {
        let collector = Collector()
        let text = Self.generated(rows: 60_000, cards: 1_500) + "card-1,2030-01-01T00:00:00Z,0\n"
        #expect(throws: ReviewHistoryError(file: "big.csv", line: 60_002, message: "rating \"0\" is not 1 to 4")) {
            try ReplayPipeline.run(csv: Array(text.utf8), file: "big.csv", scheduler: try FSRS(), to: collector.append)
        }
        #expect(collector.bytes.isEmpty)
    }

    static let malformed: [(String, String)] = [
        ("", "history.csv:1: error: the file is empty; expected a header naming card_id, review_time and rating"),
        ("card,review_time,rating\n", "history.csv:1: error: the header has no card_id column (it needs card_id, review_time and rating or review_rating)"),
        ("card_id,time,rating\n", "history.csv:1: error: the header has no review_time column (it needs card_id, review_time and rating or review_rating)"),
        ("card_id,review_time,grade\n", "history.csv:1: error: the header has no rating column (it needs card_id, review_time and rating or review_rating)"),
        ("card_id,review_time,rating\na,2024-01-01T00:00:00Z,3\n\nb,2024-01-01T00:00:00Z,5\n", "history.csv:4: error: rating \"5\" is not 1 to 4"),
        ("card_id,review_time,rating\na,2024-01-01T00:00:00Z,\n", "history.csv:2: error: rating \"\" is not 1 to 4"),
        ("card_id,review_time,rating\na,2024-01-01T00:00:00Z,good\n", "history.csv:2: error: rating \"good\" is not 1 to 4"),
        ("card_id,review_time,rating\na,2024-01-01T00:00:00,3\n", "history.csv:2: error: review_time \"2024-01-01T00:00:00\" is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"),
        ("card_id,review_time,rating\na,2023-02-29T00:00:00Z,3\n", "history.csv:2: error: review_time \"2023-02-29T00:00:00Z\" is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"),
        ("card_id,review_time,rating\na,2024-01-01T00:00:00Z\n", "history.csv:2: error: expected at least 3 fields, found 2"),
        ("card_id,review_time,rating\n,2024-01-01T00:00:00Z,3\n", "history.csv:2: error: card_id is empty"),
        ("card_id,review_time,rating\n\"a\nb\",2024-01-01T00:00:00Z,3\nc,yesterday\u{1B}[2J,1\n", "history.csv:4: error: review_time \"yesterday\\u{1b}[2J\" is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"),
    ]

    @Test(arguments: malformed)
    func malformedInputIsReportedWithItsLine(text: String, message: String) {
        #expect(Self.error(text) == message)
    }
}

struct CardIDTableTests {
    /// Ids of every length from 1 to 40 bytes, each seen in the middle of the buffer and again
    /// at its very end (where the table cannot read 16 bytes at once), get one number each.
    @Test func idsGetTheSameNumberWhereverTheyAre() {
        for length in 1...40 {
            let id = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            let other = id.dropLast() + "#"
            let text = Array("\(id),\(other),\(id)".utf8)
            text.withUnsafeBufferPointer { bytes in
                var table = CardIDTable()
                let first = table.index(of: 0..<length, in: bytes, time: 1)
                let second = table.index(of: length + 1..<2 * length + 1, in: bytes, time: 1)
                let third = table.index(of: 2 * length + 2..<3 * length + 2, in: bytes, time: 0)
                #expect(first.number == 0 && second.number == 1 && third.number == 0, "length \(length)")
                #expect(third.isEarlier)
                #expect(table.count == 2)
            }
        }
    }

    @Test func manyIdsSurviveTheTableGrowing() {
        let ids = (0..<5_000).map { "card-\($0 * 7_919)" }
        let text = Array(ids.joined(separator: ",").utf8)
        text.withUnsafeBufferPointer { bytes in
            var table = CardIDTable()
            var ranges: [Range<Int>] = []
            var start = 0
            for id in ids {
                ranges.append(start..<start + id.utf8.count)
                start += id.utf8.count + 1
            }
            for (number, range) in ranges.enumerated() { #expect(table.index(of: range, in: bytes, time: 0).number == number) }
            for (number, range) in ranges.enumerated().reversed() { #expect(table.index(of: range, in: bytes, time: 0).number == number) }
            #expect(table.count == 5_000)
        }
    }
}

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

    @Test(arguments: ["", "2024-01-01", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "2024-01-32T00:00:00Z",
                      "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00:00.Z",
                      "2024-01-01T00:00:00+1", "2024-01-01T00:00:00Z ", "24-01-01T00:00:00Z", "2024-01-01X00:00:00Z",
                      "2024-01-01T00:00:0*Z", "2024-01-01T00:00:0:Z", "2024-0/-01T00:00:00Z", "2024-01-01T00:00:00.5"])
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

    @Test func sixDecimalsAreCorrectlyRounded() {
        var generator = SplitMix64(seed: 6)
        let random = (0..<2_000).map { _ in Double(generator.next() >> 11) * 0x1.0p-53 * pow(10, Double(generator.next() % 8) - 2) }
        for value in [0.0, 0.212, 2.3065, 0.0000005, 0.0000015, 1.0000005, 36_500.123456789, 123_456.5, 2.5e-7, 9_999_999.9999995, 1e20] + random {
            var bytes: [UInt8] = []
            ReplayWriter.appendFixed6(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(format: "%.6f", value))
        }
    }
}
