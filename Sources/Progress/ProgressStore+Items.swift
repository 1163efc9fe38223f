import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Calls `body` with every item of the given decks (every deck when `nil`), orphans
    /// included, in deck then position order, without loading them all at once. For exports.
    public func forEachItem(deckIDs: [String]? = nil, _ body: (StoredItem) throws -> Void) throws {
        let marks = deckIDs.map { Array(repeating: "?", count: $0.count).joined(separator: ", ") }
        let sql = """
            SELECT \(ItemRecord.columnList())
            FROM item \(marks.map { "WHERE deck_id IN (\($0))" } ?? "")
            ORDER BY deck_id, position
            """
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(deckIDs ?? []))
            while let row = try rows.next() {
                try body(try ItemRecord(row: row).stored())
            }
        }
    }
}
