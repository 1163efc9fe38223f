import Foundation
import GRDB

extension ProgressStore {
    /// Brings the store in line with a deck as it is now, in one transaction.
    ///
    /// New items are added as new cards; an item whose card content changed keeps its
    /// schedule and history (its hash is updated); items no longer in the deck are marked
    /// orphaned, never deleted, and leave the queue; orphans that come back are restored.
    /// The order of `items` is the order new cards are introduced in. When the store
    /// already matches the deck, nothing is written (so it never waits for the store's
    /// integrity check or for another process).
    @discardableResult
    public func sync(deckID: String, items: [SyncItem], at now: Date = Date()) throws -> SyncReport {
        let changes = try read { db in try Self.syncPass(db, deckID: deckID, items: items, now: now, writing: false) }
        guard changes.changed else { return changes.report }
        return try write { db in try Self.syncPass(db, deckID: deckID, items: items, now: now, writing: true).report }
    }

    /// Compares a deck with the store and, when `writing`, makes the store match it.
    ///
    /// - Returns: what differs, and whether anything would be written (`report` leaves out
    ///   items that only moved in the deck, and a deck not seen before).
    private static func syncPass(
        _ db: Database, deckID: String, items: [SyncItem], now: Date, writing: Bool
    ) throws -> (report: SyncReport, changed: Bool) {
        let nowMilliseconds = now.unixMilliseconds
        let deckKnown = try Int.fetchOne(db, sql: "SELECT 1 FROM deck WHERE id = ?", arguments: [deckID]) != nil
        var changed = !deckKnown
        func execute(_ sql: String, _ arguments: StatementArguments) throws {
            changed = true
            if writing { try db.execute(sql: sql, arguments: arguments) }
        }
        if writing {
            try db.execute(
                sql: """
                    INSERT INTO deck (id, first_seen, last_synced) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET last_synced = excluded.last_synced
                    """,
                arguments: [deckID, nowMilliseconds, nowMilliseconds])
        }

        var existing: [String: (id: Int64, hash: String, cardID: String, position: Int, orphaned: Bool)] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, item_key, content_hash, card_id, position, orphaned_at FROM item WHERE deck_id = ?",
            arguments: [deckID])
        while let row = try rows.next() {
            let orphanedAt: Int64? = row["orphaned_at"]
            existing[row["item_key"]] = (
                row["id"], row["content_hash"], row["card_id"], row["position"], orphanedAt != nil
            )
        }

        var report = SyncReport()
        var seen = Set<String>()
        for (position, item) in items.enumerated() where seen.insert(item.key).inserted {
            guard let old = existing[item.key] else {
                try execute(
                    """
                    INSERT INTO item (deck_id, item_key, card_id, content_hash, position, first_seen, due)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [deckID, item.key, item.cardID, item.contentHash, position, nowMilliseconds, nowMilliseconds])
                report.added.append(item.key)
                continue
            }
            if old.hash != item.contentHash {
                try execute(
                    "UPDATE item SET content_hash = ?, edited_at = ? WHERE id = ?",
                    [item.contentHash, nowMilliseconds, old.id])
                report.edited.append(item.key)
            }
            if old.orphaned {
                report.restored.append(item.key)
            }
            if old.orphaned || old.position != position || old.cardID != item.cardID {
                try execute(
                    "UPDATE item SET orphaned_at = NULL, position = ?, card_id = ? WHERE id = ?",
                    [position, item.cardID, old.id])
            }
        }
        for (key, old) in existing where !old.orphaned && !seen.contains(key) {
            try execute("UPDATE item SET orphaned_at = ? WHERE id = ?", [nowMilliseconds, old.id])
            report.orphaned.append(key)
        }
        report.orphaned.sort()
        return (report, changed)
    }

    /// Items whose cards are gone from their decks, with how much history each keeps.
    public func orphans(deckID: String? = nil) throws -> [OrphanedItem] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(ItemRecord.columnList(prefix: "item.")),
                           (SELECT COUNT(*) FROM review WHERE review.item_id = item.id) AS review_count
                    FROM item
                    WHERE orphaned_at IS NOT NULL AND (?1 IS NULL OR deck_id = ?1)
                    ORDER BY deck_id, item_key
                    """,
                arguments: [deckID])
            return try rows.map { row in
                let item = try ItemRecord(row: row).stored()
                guard let orphanedAt = item.orphanedAt else {
                    throw StateDecodingError(detail: "an orphan without orphaned_at")
                }
                return OrphanedItem(
                    ref: item.ref, cardID: item.cardID, orphanedAt: orphanedAt, reviewCount: row["review_count"],
                    state: item.state)
            }
        }
    }

    /// The ids of every deck the store has seen, sorted.
    public func deckIDs() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM deck ORDER BY id") }
    }
}
