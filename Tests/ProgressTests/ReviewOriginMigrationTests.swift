import Foundation
import GRDB
import Testing

@testable import Progress

/// The "review-origin-index" migration: a store whose origins had a UNIQUE constraint keeps
/// every origin, gets the separate unique index a large merge drops and rebuilds, and still
/// notes an undo of a journaled review.
@Suite struct ReviewOriginMigrationTests {
    @Test func originsKeepTheirRowsAndGetAUniqueIndex() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        // A store as the release before the migration left it, with two journaled reviews.
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator(studyDays: StudyDayNumber(rollover: utcRollover)).migrate(queue, upTo: "bury-siblings")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO deck (id, first_seen, last_synced) VALUES ('plot', 0, 0);
                    INSERT INTO item (id, deck_id, item_key, card_id, content_hash, position, first_seen, due)
                    VALUES (1, 'plot', 'a', 'a', 'h', 0, 0, 0);
                    INSERT INTO review (id, item_id, reviewed_at, study_day, kind, rating, before_phase, before_due,
                                        before_reps, before_lapses, after_phase, after_due, after_reps, after_lapses)
                    VALUES (1, 1, 1000, 0, 'study', 3, 'new', 0, 0, 0, 'learning', 2000, 1, 0),
                           (2, 1, 3000, 0, 'study', 3, 'learning', 2000, 1, 0, 'review', 9000, 2, 0);
                    INSERT INTO device_sync_device (ref, device_id) VALUES (1, 'aaaa');
                    INSERT INTO review_origin (review_id, origin) VALUES (1, (1 << 40) | 1), (2, (1 << 40) | 2);
                    """)
        }
        try queue.close()

        let store = try ProgressStore(path: path, dayRollover: utcRollover)
        try store.verify()
        try store.deviceSyncWrite { db in
            let origins = try Row.fetchAll(db, sql: "SELECT review_id, origin FROM review_origin ORDER BY review_id")
            #expect(origins.map { [$0[0] as Int64, $0[1] as Int64] } == [[1, 1 << 40 | 1], [2, 1 << 40 | 2]])
            let index = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'review_origin_origin'")
            #expect(index == "CREATE UNIQUE INDEX review_origin_origin ON review_origin (origin)")
            // The index keeps origins unique, as the constraint did.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO review_origin (review_id, origin) VALUES (3, (1 << 40) | 1)")
            }
            // Undoing the last review still leaves its tombstone and drops its origin.
            try db.execute(sql: "DELETE FROM review WHERE id = 2")
            #expect(try Int64.fetchAll(db, sql: "SELECT origin FROM device_sync_undone") == [1 << 40 | 2])
            #expect(try Int64.fetchAll(db, sql: "SELECT review_id FROM review_origin") == [1])
        }
    }
}
