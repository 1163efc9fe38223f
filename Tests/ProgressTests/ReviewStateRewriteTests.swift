import Foundation
import GRDB
import Testing

@testable import Progress

/// The "review-state-rewrite" migration: device sync alone may rewrite the states a review-log
/// row holds, in place; every other column stays immutable; and the retention tallies follow a
/// row whose card enters or leaves the review phase before it.
@Suite struct ReviewStateRewriteTests {
    /// A store with one deck, one item and two study answers (rated good, then again).
    static func store(in directory: TemporaryDirectory) throws -> ProgressStore {
        let store = try ProgressStore(path: directory.path("progress.sqlite"), dayRollover: utcRollover)
        try store.deviceSyncWrite { db in
            try db.execute(
                sql: """
                    INSERT INTO deck (id, first_seen, last_synced) VALUES ('plot', 0, 0);
                    INSERT INTO item (id, deck_id, item_key, card_id, content_hash, position, first_seen, due)
                    VALUES (1, 'plot', 'a', 'a', 'h', 0, 0, 0);
                    INSERT INTO review (id, item_id, reviewed_at, study_day, kind, rating, before_phase, before_due,
                                        before_reps, before_lapses, after_phase, after_due, after_reps, after_lapses)
                    VALUES (1, 1, 1000, 0, 'study', 3, 'learning', 0, 0, 0, 'review', 2000, 1, 0),
                           (2, 1, 3000, 0, 'study', 1, 'learning', 2000, 1, 0, 'relearning', 9000, 2, 1);
                    """)
        }
        return store
    }

    /// The retention tallies (reviews, recalled) of the day and of the deck, and as the rows say.
    static func retention(_ db: Database) throws -> [[Int]] {
        [
            try Row.fetchOne(db, sql: "SELECT retention_reviews, retention_recalled FROM review_day WHERE day = 0"),
            try Row.fetchOne(db, sql: "SELECT retention_reviews, retention_recalled FROM review_total"),
            try Row.fetchOne(
                db,
                sql: """
                    SELECT SUM(kind = 'study' AND before_phase = 'review'),
                           SUM(kind = 'study' AND before_phase = 'review' AND rating >= 2) FROM review
                    """),
        ].map { row in [row?[0] as Int? ?? -1, row?[1] as Int? ?? -1] }
    }

    @Test func statesChangeOnlyInsideDeviceSyncAndTheTalliesFollow() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.store(in: directory)
        try store.deviceSyncWrite { db in
            #expect(try Self.retention(db) == [[0, 0], [0, 0], [0, 0]])
            // Outside device sync, no column changes.
            for sql in ["UPDATE review SET after_reps = 7 WHERE id = 1", "UPDATE review SET rating = 4 WHERE id = 1"] {
                #expect(throws: DatabaseError.self) { try db.execute(sql: sql) }
            }
            try db.execute(sql: "UPDATE device_sync_state SET applying = 1")
            // Inside it, the states do; the answer itself never does.
            for sql in [
                "UPDATE review SET rating = 4 WHERE id = 1", "UPDATE review SET reviewed_at = 5 WHERE id = 1",
                "UPDATE review SET kind = 'practice', after_phase = NULL WHERE id = 1",
            ] {
                #expect(throws: DatabaseError.self) { try db.execute(sql: sql) }
            }
            // Answer 2 (rated again) now follows a review-phase state: it counts, not recalled.
            try db.execute(sql: "UPDATE review SET before_phase = 'review', before_reps = 5 WHERE id = 2")
            #expect(try Self.retention(db) == [[1, 0], [1, 0], [1, 0]])
            // Answer 1 (rated good) too: counted and recalled.
            try db.execute(sql: "UPDATE review SET before_phase = 'review' WHERE id = 1")
            #expect(try Self.retention(db) == [[2, 1], [2, 1], [2, 1]])
            // A rewrite that keeps the phase moves nothing; one that leaves the phase takes it back.
            try db.execute(sql: "UPDATE review SET before_phase = 'review', before_stability = 3.5 WHERE id = 1")
            try db.execute(sql: "UPDATE review SET before_phase = 'relearning' WHERE id = 2")
            #expect(try Self.retention(db) == [[1, 1], [1, 1], [1, 1]])
            #expect(try Double.fetchOne(db, sql: "SELECT before_stability FROM review WHERE id = 1") == 3.5)
            try db.execute(sql: "UPDATE device_sync_state SET applying = 0")
        }
        try store.verify()
    }
}
