import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Replaces the stability and difficulty of items' current states, as after fitting new
    /// FSRS parameters: the phase, step, due time, reps and lapses stay as they are, and the
    /// review log is not touched. Items that are not in the store, or have no memory state
    /// (new cards, reset cards), are left alone; non-finite values are never written.
    ///
    /// - Returns: how many items changed.
    @discardableResult
    public func replaceMemory(_ memory: [(item: ItemRef, stability: Double, difficulty: Double)]) throws -> Int {
        try write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE item SET stability = ?, difficulty = ?
                    WHERE deck_id = ? AND item_key = ? AND stability IS NOT NULL AND difficulty IS NOT NULL
                    """)
            var changed = 0
            for (item, stability, difficulty) in memory where stability.isFinite && difficulty.isFinite {
                try statement.execute(arguments: [stability, difficulty, item.deckID, item.key])
                changed += db.changesCount
            }
            return changed
        }
    }
}
