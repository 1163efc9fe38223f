import Foundation
import GRDB

extension ProgressStore {
    /// Runs `body`, which inserts many review-log rows and counts each in the tallies it is
    /// given (`ReviewTallies.add`), with the per-row tally trigger off; then writes those
    /// tallies (one upsert per day and deck) and switches the trigger back on.
    ///
    /// Call it inside a write transaction (`db` is that transaction's connection). The store's
    /// `review_day_insert` trigger updates two tally rows for each inserted review; for an
    /// import or a merge of a million reviews that is much of the cost, and counting in the
    /// caller needs no pass over the new rows. The trigger is created again from its own
    /// stored SQL; being DDL in the caller's transaction, all of it commits or rolls back with
    /// the rows.
    ///
    /// `body` may only insert reviews (no deletes), and must count every row it inserts, also
    /// when it then throws: then the counted tallies are written and the trigger restored
    /// before the error is rethrown, so a caller that commits anyway leaves consistent tallies.
    public static func insertingReviewsInBulk<T>(
        _ db: Database, tallying body: (inout ReviewTallies) throws -> T
    ) throws -> T {
        guard
            let trigger = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'review_day_insert'")
        else {
            // A store without the trigger keeps no tallies to maintain.
            var ignored = ReviewTallies()
            return try body(&ignored)
        }
        try db.execute(sql: "DROP TRIGGER review_day_insert")
        var tallies = ReviewTallies()
        let result: Result<T, any Error> = Result { try body(&tallies) }
        try tallies.write(to: db)
        try db.execute(sql: trigger)
        return try result.get()
    }
}
