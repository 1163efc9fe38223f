import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

/// `importProgress` with a streamed history large enough for the bulk path (indexes rebuilt,
/// rows in batches, tallies counted as they go): every answer is stored as given, in order,
/// and the store is left as the one-by-one path leaves it.
@Suite struct ProgressImportTests {
    static let keys = (0..<50).map { "card\($0)" }

    /// `count` answers over the items, in time order, with states that differ row by row.
    static func answers(_ count: Int) -> [ProgressImport.StreamedAnswer] {
        (0..<count).map { index in
            let time = t0.addingTimeInterval(Double(index) * 3_000)
            var before = reviewState(due: time, reps: index)
            before.phase = index % 4 == 0 ? .new : .review
            var after = reviewState(due: time.addingTimeInterval(86_400), reps: index + 1)
            after.stability = Double(index) / 7
            return ProgressImport.StreamedAnswer(
                item: (index * 7) % keys.count, time: time.unixMilliseconds, rating: Rating.allCases[index % 4],
                durationMilliseconds: index, before: before, after: after)
        }
    }

    static func deck(_ answers: [ProgressImport.StreamedAnswer]) -> ProgressImport {
        ProgressImport(
            deckID: "bulk",
            items: keys.map { ProgressImport.Item(key: $0, cardID: $0, contentHash: "h", state: .new(due: t0)) },
            streamedAnswers: { emit in for answer in answers { try emit(answer) } },
            expectedStreamedAnswers: answers.count)
    }

    /// The review rows, oldest first, as text.
    static func rows(_ store: ProgressStore) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT item.item_key, reviewed_at, study_day, kind, rating, duration_ms, session_id,
                           \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_"))
                    FROM review JOIN item ON item.id = review.item_id ORDER BY review.id
                    """
            ).map(\.description)
        }
    }

    static func schema(_ store: ProgressStore) throws -> [String] {
        try store.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name || ':' || COALESCE(sql, '') FROM sqlite_master WHERE tbl_name = 'review' ORDER BY name"
            )
        }
    }

    @Test(arguments: [10_000 + 128 * 3 + 5])
    func aLargeHistoryIsStoredAsGiven(count: Int) throws {
        let directory = try TemporaryDirectory()
        let answers = Self.answers(count)
        // The reference: the same answers inserted one by one, tallied by the trigger.
        let reference = try openStore(directory, name: "reference.sqlite")
        try register(reference, deckID: "bulk", keys: Self.keys)
        try reference.write { db in
            for answer in answers {
                let itemID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM item WHERE deck_id = 'bulk' AND item_key = ?",
                    arguments: [Self.keys[answer.item]])
                try db.execute(
                    sql: """
                        INSERT INTO review (item_id, reviewed_at, study_day, kind, rating, duration_ms,
                                            \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_")))
                        VALUES (\(Array(repeating: "?", count: 22).joined(separator: ", ")))
                        """,
                    arguments: StatementArguments(
                        [
                            itemID, answer.time, reference.studyDays.number(ofMilliseconds: answer.time), "study",
                            answer.rating.rawValue, answer.durationMilliseconds,
                        ] + StateColumns.values(of: answer.before) + StateColumns.values(of: answer.after)))
            }
        }
        let store = try openStore(directory)
        let schema = try Self.schema(store)
        let added = try store.importProgress([Self.deck(answers)], at: t0)
        #expect(added == count)
        #expect(try Self.rows(store) == Self.rows(reference))
        #expect(try Self.schema(store) == schema)
        #expect(try BulkReviewTests.tallies(store) == BulkReviewTests.tallies(reference))
        // Again: nothing is added twice.
        #expect(try store.importProgress([Self.deck(answers)], at: t0) == 0)
        #expect(try store.reviewCount() == count)
    }
}
