import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Saves one answer: the review-log row and (unless practice) the item's new state, in
    /// one transaction committed to disk before this returns.
    ///
    /// - Returns: the id of the review-log row.
    /// - Throws: `ProgressError.unknownItem` for an item never synced; a write error
    ///   (full disk, read-only file) leaves the store exactly as it was.
    @discardableResult
    public func record(_ review: ReviewRecord) throws -> Int64 {
        try write { db in try Self.insert(review, studyDays: studyDays, in: db) }
    }

    /// Saves many answers, in order, in one transaction: all of them or, on any error, none.
    ///
    /// For imports and generated stores; a study session saves each answer with `record(_:)`
    /// so that none waits for the next.
    public func record(batch reviews: [ReviewRecord]) throws {
        try write { db in
            for review in reviews { _ = try Self.insert(review, studyDays: studyDays, in: db) }
        }
    }

    /// Takes back the last answer, and on a second call the one before, and so on.
    ///
    /// Restores the item's state from the log row's "before" snapshot, exactly, and deletes
    /// the row. With `sessionID`, only that session's answers are undone (so two processes
    /// studying at once each undo their own).
    ///
    /// - Throws: `ProgressError.nothingToUndo` when there is none; `.undoConflict` when the
    ///   item was answered again since in another session (nothing is changed then).
    @discardableResult
    public func undoLast(sessionID: Int64? = nil) throws -> UndoneReview {
        try write { db in
            let sql = """
                SELECT review.id, review.item_id, deck_id, item_key, kind, rating, reviewed_at,
                       \(StateColumns.list(prefix: "before_"))
                FROM review JOIN item ON item.id = review.item_id
                \(sessionID == nil ? "" : "WHERE review.session_id = ?")
                ORDER BY review.id DESC LIMIT 1
                """
            guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(sessionID.map { [$0] } ?? []))
            else { throw ProgressError.nothingToUndo }
            let id: Int64 = row[0]
            let itemID: Int64 = row[1]
            let item = ItemRef(deckID: row[2], key: row[3])
            let kindText: String = row[4]
            guard let kind = ReviewKind(rawValue: kindText) else {
                throw StateDecodingError(detail: "unknown review kind \"\(kindText)\"")
            }
            let ratingValue: Int? = row[5]
            guard let before = try StateColumns.state(in: row, at: 7) else {
                throw StateDecodingError(detail: "a review without a before state")
            }
            if kind != .practice {
                let later = try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM review WHERE item_id = ? AND id > ? AND kind <> 'practice' LIMIT 1",
                    arguments: [itemID, id]) ?? false
                if later { throw ProgressError.undoConflict(deckID: item.deckID, key: item.key) }
                try Self.setState(before, ofItem: itemID, in: db)
            }
            try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [id])
            return UndoneReview(
                id: id, item: item, kind: kind, rating: ratingValue.flatMap(Rating.init(rawValue:)),
                time: Date(unixMilliseconds: row[6]), restored: before)
        }
    }

    /// Everything the store keeps about one item, or `nil` if it was never synced.
    public func item(_ ref: ItemRef) throws -> StoredItem? {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT card_id, content_hash, suspended, buried_until, orphaned_at, \(StateColumns.list())
                    FROM item WHERE deck_id = ? AND item_key = ?
                    """,
                arguments: [ref.deckID, ref.key])
            guard let row else { return nil }
            guard let state = try StateColumns.state(in: row, at: 5) else {
                throw StateDecodingError(detail: "an item without a state")
            }
            let buried: Int64? = row[3]
            let orphaned: Int64? = row[4]
            return StoredItem(
                ref: ref, cardID: row[0], contentHash: row[1], state: state, suspended: row[2],
                buriedUntil: buried.map { Date(unixMilliseconds: $0) }, orphanedAt: orphaned.map { Date(unixMilliseconds: $0) })
        }
    }

    /// Keeps an item out of every queue until `unsuspend`.
    public func suspend(_ ref: ItemRef) throws {
        try updateItem(ref, sql: "UPDATE item SET suspended = 1 WHERE deck_id = ? AND item_key = ?")
    }

    /// Puts a suspended item back in the queues.
    public func unsuspend(_ ref: ItemRef) throws {
        try updateItem(ref, sql: "UPDATE item SET suspended = 0 WHERE deck_id = ? AND item_key = ?")
    }

    /// Keeps an item out of the queue until `until` (typically the start of the next study day).
    public func bury(_ ref: ItemRef, until: Date) throws {
        try updateItem(
            ref, sql: "UPDATE item SET buried_until = ? WHERE deck_id = ? AND item_key = ?",
            leading: [until.unixMilliseconds])
    }

    /// Ends an item's burial now.
    public func unbury(_ ref: ItemRef) throws {
        try updateItem(ref, sql: "UPDATE item SET buried_until = NULL WHERE deck_id = ? AND item_key = ?")
    }

    // MARK: - Helpers

    /// The review-log insert, with the before and after snapshots.
    private static let insertReviewSQL = """
        INSERT INTO review (item_id, session_id, reviewed_at, study_day, kind, rating, duration_ms,
                            \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_")))
        VALUES (\(Array(repeating: "?", count: 7 + 2 * StateColumns.names.count).joined(separator: ", ")))
        """

    /// Inserts the log row of `review`, filed under its study day in `studyDays`, and writes
    /// the item's new state; returns the row id.
    private static func insert(_ review: ReviewRecord, studyDays: StudyDayNumber, in db: Database) throws -> Int64 {
        let itemID = try itemID(of: review.item, in: db)
        let time = review.time.unixMilliseconds
        var arguments: [(any DatabaseValueConvertible)?] = [
            itemID, review.sessionID, time, studyDays.number(ofMilliseconds: time), review.kind.rawValue,
            review.rating?.rawValue, review.durationMilliseconds,
        ]
        arguments += StateColumns.values(of: review.before)
        arguments += review.after.map(StateColumns.values(of:)) ?? StateColumns.nulls
        try db.cachedStatement(sql: insertReviewSQL).execute(arguments: StatementArguments(arguments))
        let rowID = db.lastInsertedRowID
        if let after = review.after {
            try setState(after, ofItem: itemID, in: db)
        }
        return rowID
    }

    /// The row id of an item, or `ProgressError.unknownItem`.
    static func itemID(of ref: ItemRef, in db: Database) throws -> Int64 {
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM item WHERE deck_id = ? AND item_key = ?"),
            arguments: [ref.deckID, ref.key])
        guard let id else { throw ProgressError.unknownItem(deckID: ref.deckID, key: ref.key) }
        return id
    }

    /// Writes an item's scheduling state.
    static func setState(_ state: CardState, ofItem id: Int64, in db: Database) throws {
        var arguments = StateColumns.values(of: state)
        arguments.append(id)
        try db.cachedStatement(sql: "UPDATE item SET \(StateColumns.assignments()) WHERE id = ?")
            .execute(arguments: StatementArguments(arguments))
    }

    /// Runs a one-row update of an item, or throws `unknownItem` when it matches none.
    private func updateItem(_ ref: ItemRef, sql: String, leading: [(any DatabaseValueConvertible)?] = []) throws {
        try write { db in
            try db.execute(sql: sql, arguments: StatementArguments(leading + [ref.deckID, ref.key]))
            guard db.changesCount == 1 else { throw ProgressError.unknownItem(deckID: ref.deckID, key: ref.key) }
        }
    }
}
