import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

/// `ProgressStore.insertingReviewsInBulk(_:tallying:)`: tallies counted by the caller as it
/// inserts come out as the per-row trigger's.
@Suite struct TalliedBulkReviewTests {
    typealias Rows = BulkReviewTests

    /// Inserts `rows` and counts each in `tallies`, as an importer does.
    typealias BulkRow = (key: String, time: Int64, day: Int64?, kind: String, rating: Int?, ms: Int?, phase: String)

    static func insert(_ rows: ArraySlice<BulkRow>, _ db: Database, _ tallies: inout ReviewTallies) throws {
        for row in rows {
            try Rows.insert(row, db)
            let kind = try #require(ReviewKind(rawValue: row.kind))
            let phase = try #require(CardPhase(rawValue: row.phase))
            tallies.add(
                day: Int(row.day ?? (row.time - 14_400_000) / 86_400_000),
                deckID: String(row.key.split(separator: "/")[0]), kind: kind, beforePhase: phase,
                rating: row.rating.flatMap(Rating.init(rawValue:)), durationMilliseconds: row.ms)
        }
    }

    @Test(arguments: [0, 25])
    func countedTalliesAreTheTriggers(alreadyThere: Int) throws {
        let directory = try TemporaryDirectory()
        let oneByOne = try Rows.store(in: directory, name: "one.sqlite", prefix: Rows.rows.count)
        let bulk = try Rows.store(in: directory, name: "bulk.sqlite", prefix: alreadyThere)
        let before = try Rows.triggers(bulk)
        try bulk.write { db in
            try ProgressStore.insertingReviewsInBulk(db) { (tallies: inout ReviewTallies) in
                try Self.insert(Rows.rows[alreadyThere...], db, &tallies)
            }
        }
        let expected = try Rows.tallies(oneByOne)
        #expect(expected.count > 10)
        #expect(try Rows.tallies(bulk) == expected)
        #expect(try Rows.triggers(bulk) == before)
        try bulk.write { db in try Rows.insert(Rows.rows[1], db) }
        #expect(try Rows.tallies(bulk) != expected)
        try bulk.undoLast()
        #expect(try Rows.tallies(bulk) == expected)
    }

    @Test func aFailingBodyKeepsWhatItCounted() throws {
        let directory = try TemporaryDirectory()
        let store = try Rows.store(in: directory, name: "bulk.sqlite", prefix: 10)
        let reference = try Rows.store(in: directory, name: "one.sqlite", prefix: 20)
        try store.write { db in
            _ = #expect(throws: BulkReviewTests.Failure.self) {
                try ProgressStore.insertingReviewsInBulk(db) { (tallies: inout ReviewTallies) in
                    try Self.insert(Rows.rows[10..<20], db, &tallies)
                    throw BulkReviewTests.Failure()
                }
            }
        }
        #expect(try Rows.tallies(store) == Rows.tallies(reference))
    }
}
