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
    /// `progress` hears how far the items and the answers have got (every few thousand) and
    /// when the indexes are built again, on this thread.
    ///
    /// A large history is written in bulk: the rows are bound straight to one prepared
    /// statement, the per-row tally trigger is off while they go in and their tallies are
    /// counted as they are inserted (`insertingReviewsInBulk(_:tallying:)`), SQLite's
    /// foreign-key checks are off (every item id comes from the item table in this very
    /// transaction), and when the import brings at least as many reviews as
    /// the store has, the review log's indexes are dropped first and built again at the end
    /// (one sort instead of a million scattered index inserts).
    ///
    /// - Returns: how many reviews were added.
    @discardableResult
    public func importProgress(
        _ decks: [ProgressImport], at now: Date = Date(), beforeCommit: () throws -> Void = {},
        progress: (ImportProgress) -> Void = { _ in }
    ) throws -> Int {
        let nowMilliseconds = now.unixMilliseconds
        let studyDays = self.studyDays
        // Every item is looked up or inserted before its reviews, in this same transaction:
        // foreign-key checks could never fail, and would cost a lookup per review row.
        return try write(foreignKeyChecks: false) { db in
            // One transaction may add millions of rows: a 64 MiB page cache keeps SQLite from
            // spilling pages to the WAL over and over before the commit.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }

            // 1. Items, orphans, settings; the item ids and existing review times of each deck.
            var targets: [ImportTarget] = []
            let itemCount = decks.reduce(0) { $0 + $1.items.count }
            var itemsDone = 0
            progress(ImportProgress(.items, done: 0, total: itemCount))
            for deck in decks {
                targets.append(
                    try Self.importItems(of: deck, db: db, now: nowMilliseconds) { done in
                        progress(ImportProgress(.items, done: itemsDone + done, total: itemCount))
                    })
                itemsDone += deck.items.count
            }
            progress(ImportProgress(.items, done: itemCount, total: itemCount))

            // 2. The reviews, in bulk.
            let expected = decks.reduce(0) { $0 + $1.reviews.count + $1.expectedStreamedAnswers }
            guard expected > 0 else {
                try beforeCommit()
                return 0
            }
            // Rows go in `batch` at a time, through one statement of that many rows (SQLite then
            // runs the statement's set-up once per batch, not once per row).
            let batch = 128
            let columns = 7 + 2 * StateColumns.names.count
            func insertStatement(rows: Int) throws -> BoundStatement {
                let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
                return try BoundStatement(
                    db,
                    sql: """
                        INSERT INTO review (item_id, reviewed_at, study_day, kind, rating, duration_ms, session_id,
                                            \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_")))
                        VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
                        """)
            }
            let insertOne = try insertStatement(rows: 1)
            let insertBatch = try insertStatement(rows: batch)
            var pending: [PendingReview] = []
            pending.reserveCapacity(batch)
            func flush() throws {
                let full = pending.count == batch
                let statement = full ? insertBatch : insertOne
                for (index, review) in pending.enumerated() {
                    let base = Int32(full ? index * columns : 0)
                    statement.bind(base + 1, review.itemID)
                    statement.bind(base + 2, review.time)
                    statement.bind(base + 3, review.day)
                    statement.bind(base + 4, review.kind)
                    statement.bind(base + 5, review.rating?.rawValue)
                    statement.bind(base + 6, review.durationMilliseconds)
                    statement.bind(base + 7, review.sessionID)
                    statement.bind(base + 8, review.before)
                    statement.bind(base + 8 + Int32(StateColumns.names.count), review.after)
                    if !full { try statement.run(db) }
                }
                if full { try statement.run(db) }
                pending.removeAll(keepingCapacity: true)
            }
            let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") ?? 0
            progress(ImportProgress(.reviews, done: 0, total: expected))
            let added = try Self.withReviewIndexesDropped(
                db, if: expected >= 10_000 && expected >= existing,
                rebuilding: { progress(ImportProgress(.indexing)) }
            ) {
                try Self.insertingReviewsInBulk(db) { (tallies: inout ReviewTallies) in
                    var added = 0
                    // The answers handled so far (added or skipped), reported every 4 096.
                    var handled = 0
                    // The study day of the last review, with its bounds: the reviews come in
                    // time order, so most fall on the day before them.
                    var day: (start: Int64, end: Int64, number: Int) = (0, 0, 0)
                    func studyDay(_ time: Int64) -> Int {
                        if day.start <= time && time < day.end { return day.number }
                        let date = Date(unixMilliseconds: time)
                        day = (
                            studyDays.rollover.start(ofDayContaining: date).unixMilliseconds,
                            studyDays.rollover.start(ofDayAfter: date).unixMilliseconds,
                            studyDays.number(ofMilliseconds: time)
                        )
                        return day.number
                    }
                    for (deck, target) in zip(decks, targets) {
                        func insert(
                            itemID: Int64, time: Int64, kind: ReviewKind, rating: Rating?, durationMilliseconds: Int?,
                            before: CardState, after: CardState?, sessionID: Int64?
                        ) throws {
                            handled += 1
                            if handled & 0xFFF == 0 {
                                progress(ImportProgress(.reviews, done: min(handled, expected), total: expected))
                            }
                            if !target.seen.isEmpty && target.seen.contains(SIMD2(itemID, time)) { return }
                            let dayNumber = studyDay(time)
                            pending.append(
                                PendingReview(
                                    itemID: itemID, time: time, day: dayNumber, kind: kind, rating: rating,
                                    durationMilliseconds: durationMilliseconds, sessionID: sessionID, before: before,
                                    after: after))
                            if pending.count == batch { try flush() }
                            tallies.add(
                                day: dayNumber, deckID: deck.deckID, kind: kind, beforePhase: before.phase,
                                rating: rating, durationMilliseconds: durationMilliseconds)
                            added += 1
                        }
                        for review in deck.reviews {
                            guard review.item.deckID == deck.deckID, let itemID = target.ids[review.item.key] else {
                                throw ProgressError.unknownItem(deckID: review.item.deckID, key: review.item.key)
                            }
                            try insert(
                                itemID: itemID, time: review.time.unixMilliseconds, kind: review.kind,
                                rating: review.rating, durationMilliseconds: review.durationMilliseconds,
                                before: review.before, after: review.after, sessionID: review.sessionID)
                        }
                        try deck.streamedAnswers? { answer in
                            guard target.itemIDs.indices.contains(answer.item) else {
                                throw ProgressError.unknownItem(deckID: deck.deckID, key: "#\(answer.item)")
                            }
                            try insert(
                                itemID: target.itemIDs[answer.item], time: answer.time, kind: .study,
                                rating: answer.rating, durationMilliseconds: answer.durationMilliseconds,
                                before: answer.before, after: answer.after, sessionID: nil)
                        }
                    }
                    try flush()
                    progress(ImportProgress(.reviews, done: expected, total: expected))
                    return added
                }
            }
            try beforeCommit()
            return added
        }
    }

    /// A review row waiting for its batch.
    private struct PendingReview {
        var itemID: Int64
        var time: Int64
        var day: Int
        var kind: ReviewKind
        var rating: Rating?
        var durationMilliseconds: Int?
        var sessionID: Int64?
        var before: CardState
        var after: CardState?
    }

    /// One deck's item ids by key and in the order of its items, and the (item id, time) of
    /// the reviews its items had.
    private struct ImportTarget {
        var ids: [String: Int64]
        var itemIDs: [Int64]
        var seen: Set<SIMD2<Int64>>
    }

    /// Adds or updates `deck`'s items, orphans the ones it no longer has, saves its settings;
    /// tells `progress` how many items are done every 4 096.
    private static func importItems(
        of deck: ProgressImport, db: Database, now: Int64, progress: (Int) -> Void
    ) throws -> ImportTarget {
        try db.execute(
            sql: """
                INSERT INTO deck (id, first_seen, last_synced) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET last_synced = excluded.last_synced
                """,
            arguments: [deck.deckID, now, now])
        let stateCount = Int32(StateColumns.names.count)
        let insertItem = try BoundStatement(
            db,
            sql: """
                INSERT INTO item (deck_id, item_key, card_id, content_hash, position, first_seen, suspended,
                                  \(StateColumns.list()))
                VALUES (?, ?, ?, ?, ?, ?, ?, \(Array(repeating: "?", count: Int(stateCount)).joined(separator: ", ")))
                """)
        let updateItem = try BoundStatement(
            db,
            sql: """
                UPDATE item SET card_id = ?, content_hash = ?, position = ?, orphaned_at = NULL, suspended = ?,
                                \(StateColumns.assignments())
                WHERE id = ?
                """)
        var existing: [String: Int64] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT item_key, id FROM item WHERE deck_id = ?", arguments: [deck.deckID])
        while let row = try rows.next() { existing[row[0]] = row[1] }
        var ids: [String: Int64] = [:]
        ids.reserveCapacity(deck.items.count)
        for (position, item) in deck.items.enumerated() where ids[item.key] == nil {
            if position & 0xFFF == 0 && position > 0 { progress(position) }
            if let id = existing[item.key] {
                updateItem.bind(1, item.cardID)
                updateItem.bind(2, item.contentHash)
                updateItem.bind(3, position)
                updateItem.bind(4, item.suspended)
                updateItem.bind(5, item.state)
                updateItem.bind(5 + stateCount, id)
                try updateItem.run(db)
                ids[item.key] = id
            } else {
                insertItem.bind(1, deck.deckID)
                insertItem.bind(2, item.key)
                insertItem.bind(3, item.cardID)
                insertItem.bind(4, item.contentHash)
                insertItem.bind(5, position)
                insertItem.bind(6, now)
                insertItem.bind(7, item.suspended)
                insertItem.bind(8, item.state)
                try insertItem.run(db)
                ids[item.key] = db.lastInsertedRowID
            }
        }
        for (key, id) in existing where ids[key] == nil {
            try db.execute(
                sql: "UPDATE item SET orphaned_at = ? WHERE id = ? AND orphaned_at IS NULL",
                arguments: [now, id])
        }
        var seen = Set<SIMD2<Int64>>()  // item id and time of the reviews the deck's items have
        if !existing.isEmpty {
            let times = try Row.fetchCursor(
                db,
                sql: "SELECT item_id, reviewed_at FROM review JOIN item ON item.id = review.item_id WHERE deck_id = ?",
                arguments: [deck.deckID])
            while let row = try times.next() {
                let itemID: Int64 = row[0]
                let time: Int64 = row[1]
                seen.insert(SIMD2(itemID, time))
            }
        }
        if let settings = deck.settings {
            try settings.scheduler.validate()
            try DeckSettingsRecord(settings, deckID: deck.deckID).save(db)
        }
        return ImportTarget(ids: ids, itemIDs: deck.items.map { ids[$0.key] ?? 0 }, seen: seen)
    }

    /// Runs `body` with the review log's item and time indexes dropped when `drop` is true,
    /// then creates them again from their stored SQL (in the caller's transaction, so all of
    /// it commits or rolls back together), calling `rebuilding` first. Inserting a million
    /// rows into a table without indexes and sorting once is many times faster than a million
    /// scattered index inserts.
    private static func withReviewIndexesDropped<T>(
        _ db: Database, if drop: Bool, rebuilding: () -> Void, _ body: () throws -> T
    ) throws -> T {
        guard drop else { return try body() }
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = 'review' AND name IN ('review_item', 'review_time')
                ORDER BY name
                """)
        for index in indexes {
            let name: String = index["name"]
            try db.execute(sql: "DROP INDEX \(name)")
        }
        let result = Result(catching: body)
        if case .success = result { rebuilding() }
        for index in indexes {
            let sql: String = index["sql"]
            try db.execute(sql: sql)
        }
        return try result.get()
    }
}
