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
        _ decks: [ProgressImport], at now: Date = Date(), beforeCommit: () throws -> Void = {}
    ) throws -> Int {
        let nowMilliseconds = now.unixMilliseconds
        let studyDays = self.studyDays
        return try writeWithoutForeignKeyChecks { db in
            // One transaction may add millions of rows: a 64 MiB page cache keeps SQLite from
            // spilling pages to the WAL over and over before the commit.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }

            // 1. Items, orphans, settings; the item ids and existing review times of each deck.
            var targets: [ImportTarget] = []
            for deck in decks {
                targets.append(try Self.importItems(of: deck, db: db, now: nowMilliseconds))
            }
            ImportTrace.mark("items")

            // 2. The reviews, in bulk.
            let expected = decks.reduce(0) { $0 + $1.reviews.count + $1.expectedStreamedAnswers }
            guard expected > 0 else {
                try beforeCommit()
                return 0
            }
            let insertReview = try BoundStatement(
                db,
                sql: """
                    INSERT INTO review (item_id, reviewed_at, study_day, kind, rating, duration_ms,
                                        \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_")))
                    VALUES (\(Array(repeating: "?", count: 6 + 2 * StateColumns.names.count).joined(separator: ", ")))
                    """)
            let insertReviewInSession = try BoundStatement(
                db,
                sql: """
                    INSERT INTO review (item_id, reviewed_at, study_day, kind, rating, duration_ms,
                                        \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_")),
                                        session_id)
                    VALUES (\(Array(repeating: "?", count: 7 + 2 * StateColumns.names.count).joined(separator: ", ")))
                    """)
            let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") ?? 0
            let added = try Self.withReviewIndexesDropped(db, if: expected >= 10_000 && expected >= existing) {
                try Self.insertingReviewsInBulk(db) { (tallies: inout ReviewTallies) in
                    var added = 0
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
                            if !target.seen.isEmpty && target.seen.contains(SIMD2(itemID, time)) { return }
                            let statement = sessionID == nil ? insertReview : insertReviewInSession
                            let dayNumber = studyDay(time)
                            statement.bind(1, itemID)
                            statement.bind(2, time)
                            statement.bind(3, dayNumber)
                            statement.bind(4, kind)
                            statement.bind(5, rating?.rawValue)
                            statement.bind(6, durationMilliseconds)
                            statement.bind(7, before)
                            statement.bind(7 + Int32(StateColumns.names.count), after)
                            if let sessionID { statement.bind(23, sessionID) }
                            try statement.run(db)
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
                    return added
                }
            }
            ImportTrace.mark("reviews+tally+index")
            try beforeCommit()
            return added
        }
    }

    /// `write` (which it follows step by step), with SQLite's foreign-key checks off for the
    /// transaction.
    ///
    /// The import looks up or inserts every item before it inserts the item's reviews, in the
    /// same transaction, so the checks could never fail; switched on, they cost a lookup of
    /// the item for each of a million review rows. The setting can only change outside a
    /// transaction, and is put back before this returns.
    private func writeWithoutForeignKeyChecks<T>(_ updates: (Database) throws -> T) throws -> T {
        try integrity.wait()
        do {
            return try database.writeWithoutTransaction { db in
                let checked = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { if checked { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    integrity.noteChangeStarting()
                    result = try updates(db)
                    return .commit
                }
                integrity.noteChangeFinished()
                guard let result else { preconditionFailure("a committed transaction always has a result") }
                checkpointer.noteCommit()
                return result
            }
        } catch {
            throw storeError(error, writing: true)
        }
    }

    /// One deck's item ids by key and in the order of its items, and the (item id, time) of
    /// the reviews its items had.
    private struct ImportTarget {
        var ids: [String: Int64]
        var itemIDs: [Int64]
        var seen: Set<SIMD2<Int64>>
    }

    /// Adds or updates `deck`'s items, orphans the ones it no longer has, saves its settings.
    private static func importItems(of deck: ProgressImport, db: Database, now: Int64) throws -> ImportTarget {
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
    /// it commits or rolls back together). Inserting a million rows into a table without
    /// indexes and sorting once is many times faster than a million scattered index inserts.
    private static func withReviewIndexesDropped<T>(_ db: Database, if drop: Bool, _ body: () throws -> T) throws -> T {
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
        ImportTrace.mark("reviews")
        for index in indexes {
            let sql: String = index["sql"]
            try db.execute(sql: sql)
        }
        return try result.get()
    }
}
