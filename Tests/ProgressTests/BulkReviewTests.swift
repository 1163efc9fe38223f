import Foundation
import GRDB
import Testing

@testable import Progress

/// Review rows of every kind for the bulk-insert tests (see `TalliedBulkReviewTests`).
struct BulkReviewTests {
    struct Failure: Error {}

    /// Review rows of every kind over two decks, days and phases; some without a study day.
    static let rows: [(key: String, time: Int64, day: Int64?, kind: String, rating: Int?, ms: Int?, phase: String)] = {
        var rows: [(String, Int64, Int64?, String, Int?, Int?, String)] = []
        let keys = ["alpha/a", "alpha/b", "beta/c"]
        let kinds = ["study", "study", "practice", "manual"]
        let phases = ["new", "learning", "review", "relearning"]
        for index in 0..<60 {
            let time = 1_795_255_200_000 + Int64(index) * 7_200_000
            let kind = kinds[index % 4]
            rows.append(
                (
                    keys[index % 3], time, index % 5 == 0 ? nil : time / 86_400_000 + 7, kind,
                    kind == "manual" ? nil : index % 4 + 1, index % 7 == 0 ? nil : index * 100, phases[index % 4]
                ))
        }
        return rows
    }()

    /// A store with the three items and the first `prefix` rows inserted one by one.
    static func store(in directory: TemporaryDirectory, name: String, prefix: Int) throws -> ProgressStore {
        let store = try openStore(directory, name: name)
        try register(store, deckID: "alpha", keys: ["a", "b"])
        try register(store, deckID: "beta", keys: ["c"])
        try store.write { db in
            for row in rows.prefix(prefix) { try insert(row, db) }
        }
        return store
    }

    static func insert(
        _ row: (key: String, time: Int64, day: Int64?, kind: String, rating: Int?, ms: Int?, phase: String),
        _ db: Database
    ) throws {
        let parts = row.key.split(separator: "/").map(String.init)
        let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM item WHERE deck_id = ? AND item_key = ?", arguments: [parts[0], parts[1]])
        let practice = row.kind == "practice"
        try db.execute(
            sql: """
                INSERT INTO review (item_id, reviewed_at, study_day, kind, rating, duration_ms, before_phase,
                                    before_due, before_reps, before_lapses, after_phase, after_due, after_reps,
                                    after_lapses)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)
                """,
            arguments: [
                id, row.time, row.day, row.kind, row.rating, row.ms, row.phase, practice ? nil : "review",
                practice ? nil : 0, practice ? nil : 1, practice ? nil : 0,
            ])
    }

    static func tallies(_ store: ProgressStore) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_day ORDER BY day, deck_id").map(\.description)
                + Row.fetchAll(db, sql: "SELECT * FROM review_total ORDER BY deck_id").map(\.description)
        }
    }

    static func triggers(_ store: ProgressStore) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        }
    }
}
