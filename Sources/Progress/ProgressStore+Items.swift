import Foundation
import GRDB

extension ProgressStore {
    /// Everything the store keeps about the items of deck `deckID` that are still in their
    /// deck (orphans left out), in key order. Items never synced are not there.
    public func items(deckID: String) throws -> [StoredItem] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT item_key, card_id, content_hash, suspended, buried_until, \(StateColumns.list())
                    FROM item WHERE deck_id = ? AND orphaned_at IS NULL ORDER BY item_key
                    """,
                arguments: [deckID])
            var items: [StoredItem] = []
            while let row = try rows.next() {
                guard let state = try StateColumns.state(in: row, at: 5) else {
                    throw StateDecodingError(detail: "an item without a state")
                }
                let buried: Int64? = row[4]
                items.append(
                    StoredItem(
                        ref: ItemRef(deckID: deckID, key: row[0]), cardID: row[1], contentHash: row[2], state: state,
                        suspended: row[3], buriedUntil: buried.map { Date(unixMilliseconds: $0) }))
            }
            return items
        }
    }
}
