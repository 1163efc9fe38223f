import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Calls `body` with every item of the given decks (every deck when `nil`), orphans
    /// included, in deck then position order, without loading them all at once. For exports.
    public func forEachItem(deckIDs: [String]? = nil, _ body: (StoredItem) throws -> Void) throws {
        let marks = deckIDs.map { Array(repeating: "?", count: $0.count).joined(separator: ", ") }
        let sql = """
            SELECT deck_id, item_key, card_id, content_hash, suspended, buried_until, orphaned_at, \(StateColumns.list())
            FROM item \(marks.map { "WHERE deck_id IN (\($0))" } ?? "")
            ORDER BY deck_id, position
            """
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(deckIDs ?? []))
            while let row = try rows.next() {
                guard let state = try StateColumns.state(in: row, at: 7) else {
                    throw StateDecodingError(detail: "an item without a state")
                }
                let buried: Int64? = row[5]
                let orphaned: Int64? = row[6]
                try body(
                    StoredItem(
                        ref: ItemRef(deckID: row[0], key: row[1]), cardID: row[2], contentHash: row[3], state: state,
                        suspended: row[4], buriedUntil: buried.map { Date(unixMilliseconds: $0) },
                        orphanedAt: orphaned.map { Date(unixMilliseconds: $0) }))
            }
        }
    }
}
