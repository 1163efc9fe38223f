import Foundation
import GRDB

extension ProgressStore {
    /// Runs `body`, which inserts many review-log rows, with the per-row tally trigger off,
    /// then tallies every row it inserted in one pass and switches the trigger back on.
    ///
    /// Call it inside a write transaction (`db` is that transaction's connection). The store's
    /// `review_day_insert` trigger updates two tally rows for each inserted review; for an
    /// import or a merge of a million reviews that is most of the cost. Here the trigger is
    /// dropped, `body` runs, and the rows with ids above the largest before it are added to
    /// `review_day` and `review_total` with one `GROUP BY` each, exactly as the trigger would
    /// have; then the trigger is created again from its own stored SQL. Being DDL in the
    /// caller's transaction, all of it commits or rolls back with the rows.
    ///
    /// `body` may only insert reviews (with ids SQLite chooses): it must not delete or insert
    /// with explicit ids below the largest id, or those rows would be miscounted. When `body`
    /// throws, the rows it did insert are tallied and the trigger restored before the error
    /// is rethrown, so a caller that commits anyway still leaves consistent tallies.
    public static func insertingReviewsInBulk<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try withoutTallyTrigger(db, body) { mark in try tallyReviews(db, above: mark) }
    }

    /// `insertingReviewsInBulk(_:_:)` for a caller that knows what it inserts: `body` adds
    /// each row to the tallies it is given once the row is in (`ReviewTallies.add`), and
    /// those are written with one upsert per day and deck, with no pass over the new rows.
    /// The same rules hold: `body` only inserts reviews, and must count every row it inserts
    /// (also when it then throws), or the tallies will be wrong.
    public static func insertingReviewsInBulk<T>(
        _ db: Database, tallying body: (inout ReviewTallies) throws -> T
    ) throws -> T {
        var tallies = ReviewTallies()
        return try withoutTallyTrigger(db, { try body(&tallies) }, tally: { _ in try tallies.write(to: db) })
    }

    /// Runs `body` with the tally trigger dropped, then `tally(mark)` (`mark`: the largest
    /// review id before `body`), then creates the trigger again.
    private static func withoutTallyTrigger<T>(
        _ db: Database, _ body: () throws -> T, tally: (_ mark: Int64) throws -> Void
    ) throws -> T {
        guard
            let trigger = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'review_day_insert'")
        else {
            // A store without the trigger keeps no tallies to maintain.
            return try body()
        }
        let mark = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM review") ?? 0
        try db.execute(sql: "DROP TRIGGER review_day_insert")
        let result: Result<T, any Error> = Result(catching: body)
        try tally(mark)
        try db.execute(sql: trigger)
        return try result.get()
    }

    /// Adds the review rows with ids above `mark` to the day and deck tallies, as the insert
    /// trigger would have one by one. The new rows are read once: their per-day tallies go to
    /// a temporary table, and the deck totals are summed from it.
    static func tallyReviews(_ db: Database, above mark: Int64) throws {
        let columns = "answers, practice, retention_reviews, retention_recalled, duration_ms"
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.bulk_review_tally;
                CREATE TEMP TABLE bulk_review_tally (day, deck_id, \(columns));
                INSERT INTO bulk_review_tally
                SELECT COALESCE(review.study_day, \(StoreSchema.fallback("review"))), item.deck_id,
                       \(StoreSchema.tallies)
                FROM review JOIN item ON item.id = review.item_id
                WHERE review.id > ? AND review.kind <> 'manual'
                GROUP BY 1, 2;
                INSERT INTO review_day (day, deck_id, \(columns))
                SELECT day, deck_id, \(columns) FROM bulk_review_tally WHERE true
                ON CONFLICT (day, deck_id) DO UPDATE SET \(StoreSchema.accumulate);
                INSERT INTO review_total (deck_id, \(columns))
                SELECT deck_id, SUM(answers), SUM(practice), SUM(retention_reviews), SUM(retention_recalled),
                       SUM(duration_ms)
                FROM bulk_review_tally GROUP BY deck_id
                ON CONFLICT (deck_id) DO UPDATE SET \(StoreSchema.accumulate);
                DROP TABLE bulk_review_tally;
                """,
            arguments: [mark])
    }
}
