import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Calls `body` with every item of the given decks (every deck when `nil`), orphans
    /// included, in deck then position order, without loading them all at once. For exports.
    public func forEachItem(deckIDs: [String]? = nil, _ body: (StoredItem) throws -> Void) throws {
        try forEachItemRow(deckIDs: deckIDs) { _, item in try body(item) }
    }

    /// ``forEachItem(deckIDs:_:)`` with each item's row in the store, the `itemRow` of its
    /// answers in ``forEachReviewOutline(_:)``.
    public func forEachItemRow(deckIDs: [String]? = nil, _ body: (_ row: Int64, _ item: StoredItem) throws -> Void)
        throws
    {
        let marks = deckIDs.map { Array(repeating: "?", count: $0.count).joined(separator: ", ") }
        let sql = """
            SELECT \(ItemRecord.columnList())
            FROM item \(marks.map { "WHERE deck_id IN (\($0))" } ?? "")
            ORDER BY deck_id, position
            """
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(deckIDs ?? []))
            while let row = try rows.next() {
                let record = try ItemRecord(row: row)
                try body(record.id, try record.stored())
            }
        }
    }
}
