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

    /// Saves a study answer to the item's state as it is in the store at this moment, in one
    /// transaction committed to disk before this returns, with the burial of `siblings`
    /// until `until`.
    ///
    /// Another recall process may have answered the item since this one read its state
    /// (two sessions on one store). Then the answer is not applied to the stale state, which
    /// would overwrite the other answer: `reschedule` gives the state after the same rating
    /// at the same time from the current state, and that is saved instead (the log row's
    /// `before` is the current state, so undo restores it exactly).
    ///
    /// - Returns: the answer as saved: its row id, its states, and whether it was rescheduled.
    /// - Throws: as `record(_:)`.
    public func recordStudy(
        _ review: ReviewRecord, reschedule: (CardState) -> CardState, buryingSiblings siblings: [ItemRef] = [],
        until: Date? = nil
    ) throws -> SavedAnswer {
        try write { db in
            var review = review
            let itemID = try Self.itemID(of: review.item, in: db)
            guard let item = try ItemRecord.fetchOne(db, key: itemID) else {
                throw ProgressError.unknownItem(deckID: review.item.deckID, key: review.item.key)
            }
            let current = try item.state()
            let rescheduled = !StateColumns.sameAsStored(current, review.before)
            if rescheduled, review.after != nil {
                review.before = current
                review.after = reschedule(current)
            }
            let id = try Self.insert(review, studyDays: studyDays, in: db)
            if let until {
                for sibling in siblings {
                    try db.execute(
                        sql: "UPDATE item SET buried_until = ? WHERE deck_id = ? AND item_key = ?",
                        arguments: [until.unixMilliseconds, sibling.deckID, sibling.key])
                }
            }
            return SavedAnswer(id: id, before: review.before, after: review.after, rescheduled: rescheduled)
        }
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
    ///
    /// `unburying` are items the answer buried (a card's siblings): their burial ends too.
    @discardableResult
    public func undoLast(sessionID: Int64? = nil, unburying: [ItemRef] = []) throws -> UndoneReview {
        try write { db in
            var last = ReviewLogRecord.order(Column("id").desc)
            if let sessionID { last = last.filter(Column("session_id") == sessionID) }
            guard let review = try last.fetchOne(db), let id = review.id else { throw ProgressError.nothingToUndo }
            guard let item = try ItemRecord.fetchOne(db, key: review.itemId) else {
                throw StateDecodingError(detail: "review \(id) is of item \(review.itemId), which is not in the store")
            }
            let kind = try review.reviewKind()
            let before = try review.before()
            if kind != .practice {
                let later =
                    try ReviewLogRecord
                    .filter(
                        Column("item_id") == review.itemId && Column("id") > id
                            && Column("kind") != ReviewKind.practice.rawValue
                    )
                    .fetchCount(db) > 0
                if later { throw ProgressError.undoConflict(deckID: item.deckId, key: item.itemKey) }
                try Self.setState(before, ofItem: review.itemId, in: db)
            }
            _ = try ReviewLogRecord.deleteOne(db, key: id)
            for sibling in unburying {
                try db.execute(
                    sql: "UPDATE item SET buried_until = NULL WHERE deck_id = ? AND item_key = ?",
                    arguments: [sibling.deckID, sibling.key])
            }
            return UndoneReview(
                id: id, item: item.ref, kind: kind, rating: try review.checkedRating(),
                time: try StoredValue.time(review.reviewedAt, "reviewed_at"), restored: before)
        }
    }

    /// Everything the store keeps about one item, or `nil` if it was never synced.
    public func item(_ ref: ItemRef) throws -> StoredItem? {
        try read { db in try ItemRecord.fetchOne(db, ref: ref)?.stored() }
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

    /// Inserts the log row of `review`, filed under its study day in `studyDays`, and writes
    /// the item's new state; returns the row id.
    private static func insert(_ review: ReviewRecord, studyDays: StudyDayNumber, in db: Database) throws -> Int64 {
        let itemID = try itemID(of: review.item, in: db)
        var row = ReviewLogRecord(
            review, itemID: itemID, studyDay: studyDays.number(ofMilliseconds: review.time.unixMilliseconds))
        try row.insert(db)
        if let after = review.after {
            try setState(after, ofItem: itemID, in: db)
        }
        return db.lastInsertedRowID
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
