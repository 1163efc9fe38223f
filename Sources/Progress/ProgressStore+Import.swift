import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Brings in decks' progress (items, states, history, settings) in one transaction:
    /// all of it, or on any error nothing.
    ///
    /// Items are added or, when the store has them already, given the imported state (an
    /// edited card keeps its history). Items of these decks that the import does not have
    /// become orphans, as a sync would make them. A review is added unless the item already
    /// has one at the same millisecond, so importing the same history twice adds it once.
    /// `beforeCommit` runs last inside the transaction: when it throws, nothing is written.
    ///
    /// - Returns: how many reviews were added.
    @discardableResult
    public func importProgress(
        _ decks: [ProgressImport], at now: Date = Date(), beforeCommit: () throws -> Void = {}
    ) throws -> Int {
        let nowMilliseconds = now.unixMilliseconds
        let stateValues = { (state: CardState) in StateColumns.values(of: state) }
        let studyDays = self.studyDays
        return try write { db in
            // One transaction may add millions of rows: a 64 MiB page cache keeps SQLite from
            // spilling pages to the WAL over and over before the commit.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var added = 0
            let insertItem = try db.makeStatement(
                sql: """
                    INSERT INTO item (deck_id, item_key, card_id, content_hash, position, first_seen, suspended,
                                      \(StateColumns.list()))
                    VALUES (?, ?, ?, ?, ?, ?, ?, \(Array(repeating: "?", count: StateColumns.names.count).joined(separator: ", ")))
                    """)
            let updateItem = try db.makeStatement(
                sql: """
                    UPDATE item SET card_id = ?, content_hash = ?, position = ?, orphaned_at = NULL, suspended = ?,
                                    \(StateColumns.assignments())
                    WHERE id = ?
                    """)
            let insertReview = try db.makeStatement(
                sql: """
                    INSERT INTO review (item_id, session_id, reviewed_at, study_day, kind, rating, duration_ms,
                                        \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_")))
                    VALUES (\(Array(repeating: "?", count: 7 + 2 * StateColumns.names.count).joined(separator: ", ")))
                    """)
            for deck in decks {
                try db.execute(
                    sql: """
                        INSERT INTO deck (id, first_seen, last_synced) VALUES (?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET last_synced = excluded.last_synced
                        """,
                    arguments: [deck.deckID, nowMilliseconds, nowMilliseconds])
                var existing: [String: Int64] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT item_key, id FROM item WHERE deck_id = ?", arguments: [deck.deckID])
                while let row = try rows.next() { existing[row[0]] = row[1] }
                var ids: [String: Int64] = [:]
                for (position, item) in deck.items.enumerated() where ids[item.key] == nil {
                    if let id = existing[item.key] {
                        try updateItem.execute(
                            arguments: StatementArguments(
                                [item.cardID, item.contentHash, position, item.suspended] + stateValues(item.state) + [
                                    id
                                ]))
                        ids[item.key] = id
                    } else {
                        try insertItem.execute(
                            arguments: StatementArguments(
                                [
                                    deck.deckID, item.key, item.cardID, item.contentHash, position, nowMilliseconds,
                                    item.suspended,
                                ]
                                    + stateValues(item.state)))
                        ids[item.key] = db.lastInsertedRowID
                    }
                }
                for (key, id) in existing where ids[key] == nil {
                    try db.execute(
                        sql: "UPDATE item SET orphaned_at = ? WHERE id = ? AND orphaned_at IS NULL",
                        arguments: [nowMilliseconds, id])
                }
                var seen = Set<SIMD2<Int64>>()  // item id and time of the reviews the deck's items have
                if !existing.isEmpty {
                    let times = try Row.fetchCursor(
                        db,
                        sql:
                            "SELECT item_id, reviewed_at FROM review JOIN item ON item.id = review.item_id WHERE deck_id = ?",
                        arguments: [deck.deckID])
                    while let row = try times.next() {
                        let itemID: Int64 = row[0]
                        let time: Int64 = row[1]
                        seen.insert(SIMD2(itemID, time))
                    }
                }
                func insert(_ review: ReviewRecord) throws {
                    guard let itemID = ids[review.item.key], review.item.deckID == deck.deckID else {
                        throw ProgressError.unknownItem(deckID: review.item.deckID, key: review.item.key)
                    }
                    let time = review.time.unixMilliseconds
                    if !seen.isEmpty && seen.contains(SIMD2(itemID, time)) { return }
                    var arguments: [(any DatabaseValueConvertible)?] = [
                        itemID, review.sessionID, time, studyDays.number(ofMilliseconds: time), review.kind.rawValue,
                        review.rating?.rawValue, review.durationMilliseconds,
                    ]
                    arguments += StateColumns.values(of: review.before)
                    arguments +=
                        review.after.map(StateColumns.values(of:))
                        ?? Array(repeating: nil, count: StateColumns.names.count)
                    try insertReview.execute(arguments: StatementArguments(arguments))
                    added += 1
                }
                for review in deck.reviews { try insert(review) }
                try deck.streamedReviews?(insert)
                if let settings = deck.settings {
                    try settings.scheduler.validate()
                    try DeckSettingsRecord(settings, deckID: deck.deckID).save(db)
                }
            }
            try beforeCommit()
            return added
        }
    }
}
