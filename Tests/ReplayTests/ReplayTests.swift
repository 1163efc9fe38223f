import Foundation
import Testing

@testable import Replay
@testable import Scheduling

struct ReplayTests {
    static func history(_ text: String, file: String = "history.csv") throws(ReviewHistoryError) -> ReviewHistory {
        try ReviewHistory(csv: Array(text.utf8), file: file)
    }

    /// The output of recall's replay (``ReplayPipeline``), checked row by row against a plain
    /// loop over ``Scheduler/review(_:rating:at:)`` and against the sorting replay.
    static func output(_ history: ReviewHistory, _ scheduler: some Scheduler) throws -> String {
        let piped = Collector()
        try ReplayPipeline.run(csv: history.source, file: "history.csv", scheduler: scheduler, to: piped.append)
        let output = String(decoding: piped.bytes, as: UTF8.self)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let expected = plainLoop(history, scheduler)
        #expect(lines.first.map(String.init) == String(ReplayWriter.header.dropLast()))
        #expect(lines.count == expected.count + 1)
        var mismatches = 0
        for (line, want) in zip(lines.dropFirst(), expected) {
            let computed = line.split(separator: ",", omittingEmptySubsequences: false).suffix(6).joined(separator: ",")
            if computed != want {
                mismatches += 1
                if mismatches <= 3 { Issue.record("\(line) != …,\(want)") }
            }
        }
        #expect(mismatches == 0)
        let sorted = Collector()
        ReplayWriter.write(history, outcomes: Replay.run(history, scheduler: scheduler), to: sorted.append)
        #expect(sorted.bytes == piped.bytes)
        return output
    }

    /// The reference: every card's reviews in time order (ties in file order) through
    /// `scheduler.review`, each state printed with Foundation's formatting as
    /// `rating,state,step,stability,difficulty,due`, in file order.
    static func plainLoop(_ history: ReviewHistory, _ scheduler: some Scheduler) -> [String] {
        let byCard = Dictionary(grouping: history.reviews.indices) { history.reviews[$0].card }
        var rows = [String](repeating: "", count: history.reviews.count)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        for indices in byCard.values {
            var state: CardState?
            for index in indices.sorted(by: { (history.reviews[$0].time, $0) < (history.reviews[$1].time, $1) }) {
                let review = history.reviews[index]
                let now = Date(timeIntervalSince1970: Double(review.time) / 1e6)
                let next = scheduler.review(state ?? CardState.new(due: now), rating: review.rating, at: now)
                state = next
                let due = Date(timeIntervalSince1970: next.due.timeIntervalSince1970.rounded(.down))
                rows[index] = [
                    String(review.rating.rawValue), next.phase.rawValue, next.step.map(String.init) ?? "",
                    String(format: "%.6f", next.stability ?? 0), String(format: "%.6f", next.difficulty ?? 0),
                    formatter.string(from: due),
                ].joined(separator: ",")
            }
        }
        return rows
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
        let input = try #require(
            Bundle.module.url(forResource: "fsrs-test-revlogs", withExtension: "csv", subdirectory: "Fixtures"))
        let expectedURL = try #require(
            Bundle.module.url(forResource: "fsrs-test-revlogs.expected", withExtension: "csv", subdirectory: "Fixtures")
        )
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
            let computed = line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(3).joined(
                separator: ",")
            if computed != want {
                mismatches += 1
                if mismatches <= 5 { Issue.record("row \(index): \(computed) != \(want)") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func cardsAreNewAtTheirFirstRowAndTheirRowsApplyInTimeOrder() throws {
        let history = try Self.history(
            """
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
        #expect(
            try Self.output(history, try FSRS()) == """
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
        let history = try Self.history(
            """
            card_id,review_time,rating
            x,2024-01-02T10:00:00Z,3
            y,2024-01-01T00:00:00Z,1
            x,2024-01-01T09:00:00Z,3
            x,2024-01-01T09:00:00Z,1

            """)
        #expect(!history.isChronologicalPerCard)
        // Expected: py-fsrs 6.3.2 via Benchmarks/replay_pyfsrs.py on the same rows.
        #expect(
            try Self.output(history, try FSRS()) == """
                card_id,review_time,rating,state,step,stability,difficulty,due
                x,2024-01-02T10:00:00Z,3,learning,1,2.649498,7.382337,2024-01-02T10:10:00Z
                y,2024-01-01T00:00:00Z,1,learning,0,0.212000,6.413300,2024-01-01T00:01:00Z
                x,2024-01-01T09:00:00Z,3,learning,1,2.306500,2.118104,2024-01-01T09:10:00Z
                x,2024-01-01T09:00:00Z,1,learning,0,0.775084,7.394503,2024-01-01T09:01:00Z

                """)
    }

    @Test func sm2PrintsTheIntervalAndTheEase() throws {
        let history = try Self.history(
            "card_id,review_time,rating\nx,2024-01-01T00:00:00Z,4\nx,2024-01-05T00:00:00Z,3\n")
        #expect(
            try Self.output(history, try SM2()) == """
                card_id,review_time,rating,state,step,stability,difficulty,due
                x,2024-01-01T00:00:00Z,4,review,,4.000000,2.500000,2024-01-05T00:00:00Z
                x,2024-01-05T00:00:00Z,3,review,,10.000000,2.500000,2024-01-15T00:00:00Z

                """)
    }

    @Test func quotedFieldsCRLFAndAByteOrderMarkAreAccepted() throws {
        let history = try Self.history(
            "\u{FEFF}\"card_id\",review_time,rating\r\n\"card, one\",\"2024-01-01 00:00:00+00\",3\r\n")
        #expect(history.reviews.count == 1)
        #expect(
            try Self.output(history, try FSRS()).hasSuffix(
                "\"card, one\",\"2024-01-01 00:00:00+00\",3,learning,1,2.306500,2.118104,2024-01-01T00:10:00Z\n"))
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
            Timestamp.appendUTC(
                seconds: 1_704_067_200 + Int64(row / cards) * 90_000 + Int64(row % cards) * 7, to: &bytes)
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
        (
            "card,review_time,rating\n",
            "history.csv:1: error: the header has no card_id column (it needs card_id, review_time and rating or review_rating)"
        ),
        (
            "card_id,time,rating\n",
            "history.csv:1: error: the header has no review_time column (it needs card_id, review_time and rating or review_rating)"
        ),
        (
            "card_id,review_time,grade\n",
            "history.csv:1: error: the header has no rating column (it needs card_id, review_time and rating or review_rating)"
        ),
        (
            "card_id,review_time,rating\na,2024-01-01T00:00:00Z,3\n\nb,2024-01-01T00:00:00Z,5\n",
            "history.csv:4: error: rating \"5\" is not 1 to 4"
        ),
        ("card_id,review_time,rating\na,2024-01-01T00:00:00Z,\n", "history.csv:2: error: rating \"\" is not 1 to 4"),
        (
            "card_id,review_time,rating\na,2024-01-01T00:00:00Z,good\n",
            "history.csv:2: error: rating \"good\" is not 1 to 4"
        ),
        (
            "card_id,review_time,rating\na,2024-01-01T00:00:00,3\n",
            "history.csv:2: error: review_time \"2024-01-01T00:00:00\" is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"
        ),
        (
            "card_id,review_time,rating\na,2023-02-29T00:00:00Z,3\n",
            "history.csv:2: error: review_time \"2023-02-29T00:00:00Z\" is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"
        ),
        (
            "card_id,review_time,rating\na,2024-01-01T00:00:00Z\n",
            "history.csv:2: error: expected at least 3 fields, found 2"
        ),
        ("card_id,review_time,rating\n,2024-01-01T00:00:00Z,3\n", "history.csv:2: error: card_id is empty"),
        (
            "card_id,review_time,rating\n\"a\nb\",2024-01-01T00:00:00Z,3\nc,yesterday\u{1B}[2J,1\n",
            "history.csv:4: error: review_time \"yesterday\\u{1b}[2J\" is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"
        ),
    ]

    /// A file without line ends is refused after its first 64 KiB, not read whole (issue 16 F11:
    /// 200 MB took 63 s and 767 MB).
    @Test func aHeaderLineLongerThan64KiBIsRefused() throws {
        let long = [UInt8](repeating: 0x61, count: 8 << 20)
        let collector = Collector()
        let message =
            "the header line is longer than 64 KiB (is this a CSV file? it needs a header naming card_id, review_time and rating)"
        #expect(throws: ReviewHistoryError(file: "long.csv", line: 1, message: message)) {
            try ReplayPipeline.run(csv: long, file: "long.csv", scheduler: try FSRS(), to: collector.append)
        }
        #expect(collector.bytes.isEmpty)
        // Exactly at the limit, or a whole file shorter than it without a line end, is read.
        let header = Array("card_id,review_time,rating".utf8)
        let padded =
            header + [UInt8](repeating: 0x20, count: ReviewHistory.maximumHeaderLength - header.count - 1) + [0x0A]
        #expect(try Self.output(try ReviewHistory(csv: padded, file: "padded.csv"), try FSRS()) == ReplayWriter.header)
        #expect(try Self.output(try ReviewHistory(csv: header, file: "bare.csv"), try FSRS()) == ReplayWriter.header)
        #expect(throws: ReviewHistoryError.self) {
            try ReviewHistory(csv: padded.dropLast() + [0x20, 0x0A], file: "over.csv")
        }
    }

    @Test(arguments: malformed)
    func malformedInputIsReportedWithItsLine(text: String, message: String) {
        #expect(Self.error(text) == message)
    }
}
