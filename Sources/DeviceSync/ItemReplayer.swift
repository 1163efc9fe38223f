import Foundation
import GRDB
import Progress
import Scheduling

/// Replays items for `SyncLedger.replay`, on the store's side: reads what each replay needs
/// (`input(item:newReviews:)`), and writes what it computed (`write(_:)`): inserts the new
/// reviews, rewrites the states of existing rows whose states change (in place: the store
/// lets device sync do that, and moves the retention tallies with them), and updates the
/// item's state.
struct ItemReplayer {
    let ledger: SyncLedger
    private var db: Database { ledger.db }
    private var store: ProgressStore { ledger.store }
    private let itemStatement: Statement
    private let historyStatement: Statement
    private let insertStatement: BoundStatement
    private let originStatement: BoundStatement
    private let rewriteStatement: BoundStatement
    private let stateStatement: BoundStatement
    private var schedulers: [String: any Scheduler] = [:]
    /// Rows per batch insert.
    static let batchRows = 32
    private let batchInsertStatement: BoundStatement
    private let batchOriginStatement: BoundStatement
    private var newRows: [ItemReplay.NewRow] = []
    private var nextID: Int64 = 1
    /// The origins of the new rows, waiting for `insertOrigins()`.
    private var origins: [(reviewID: Int64, origin: Int64)] = []
    /// How many items were replayed.
    private(set) var replayed = 0
    /// Whether `insertOrigins()` sorts the origins first (see there).
    var originsInOriginOrder = true
    /// Whether the review log was empty when the replay began (no history to read then).
    var logWasEmpty = false
    /// The tallies of the new rows inserted, while they are counted here (see
    /// `ProgressStore.insertingReviewsInBulk(_:tallying:)`); `nil` when the trigger counts them.
    var tallies: ReviewTallies?

    init(ledger: SyncLedger) throws {
        self.ledger = ledger
        let db = ledger.db
        let stateColumns = ProgressStore.deviceSyncStateColumns()
        let assignments = stateColumns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }
            .joined(separator: ", ")
        itemStatement = try db.cachedStatement(
            sql: "SELECT deck_id, first_seen, \(stateColumns) FROM item WHERE id = ?")
        historyStatement = try db.cachedStatement(
            sql: """
                SELECT r.id, r.reviewed_at, r.kind, r.rating, o.origin,
                       \(ProgressStore.deviceSyncStateColumns(prefix: "r.before_")),
                       \(ProgressStore.deviceSyncStateColumns(prefix: "r.after_"))
                FROM review r LEFT JOIN review_origin o ON o.review_id = r.id WHERE r.item_id = ?
                """)
        let insertReviews = """
            INSERT INTO review (id, item_id, session_id, reviewed_at, study_day, kind, rating, duration_ms,
                \(ProgressStore.deviceSyncStateColumns(prefix: "before_")),
                \(ProgressStore.deviceSyncStateColumns(prefix: "after_")))
            VALUES
            """
        let oneRow = "(" + Array(repeating: "?", count: 24).joined(separator: ", ") + ")"
        insertStatement = try BoundStatement(db, cached: true, sql: insertReviews + " " + oneRow)
        batchInsertStatement = try BoundStatement(
            db, cached: true,
            sql: insertReviews + " " + Array(repeating: oneRow, count: Self.batchRows).joined(separator: ", "))
        originStatement = try BoundStatement(
            db, cached: true, sql: "INSERT INTO review_origin (review_id, origin) VALUES (?, ?)")
        batchOriginStatement = try BoundStatement(
            db, cached: true,
            sql: "INSERT INTO review_origin (review_id, origin) VALUES "
                + Array(repeating: "(?, ?)", count: Self.batchRows).joined(separator: ", "))
        let stateAssignments = [
            ProgressStore.deviceSyncStateColumns(prefix: "before_"),
            ProgressStore.deviceSyncStateColumns(prefix: "after_"),
        ]
        .joined(separator: ", ").split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }
        .joined(separator: ", ")
        rewriteStatement = try BoundStatement(
            db, cached: true, sql: "UPDATE review SET \(stateAssignments) WHERE id = ?")
        stateStatement = try BoundStatement(db, cached: true, sql: "UPDATE item SET \(assignments) WHERE id = ?")
    }

    /// The scheduler of `deck`, from its settings.
    private mutating func scheduler(for deck: String) throws -> any Scheduler {
        if let scheduler = schedulers[deck] { return scheduler }
        let scheduler = try store.deviceSyncSettings(for: deck, in: db).scheduler.makeScheduler()
        schedulers[deck] = scheduler
        return scheduler
    }

    /// What replaying item `itemID` with `newReviews` added to its history needs: the item
    /// and its rows in the log; nil when the store has no such item or its state is unreadable.
    mutating func input(item itemID: Int64, newReviews: ArraySlice<IncomingReview>) throws -> ItemReplay.Input? {
        guard let item = try Row.fetchOne(itemStatement, arguments: [itemID]) else { return nil }
        let deck: String = item[0]
        guard let current = try store.deviceSyncState(in: item, at: 2) else { return nil }
        var existing: [ItemReplay.Existing] = []
        let rows = logWasEmpty ? nil : try Row.fetchCursor(historyStatement, arguments: [itemID])
        while let row = try rows?.next() {
            let kindText: String = row[2]
            guard let kind = ReviewKind(rawValue: kindText) else { continue }
            existing.append(
                ItemReplay.Existing(
                    id: row[0], time: row[1], kind: kind, rating: row[3],
                    before: try store.deviceSyncState(in: row, at: 5),
                    after: try store.deviceSyncState(in: row, at: 13),
                    origin: row[4]))
        }
        return ItemReplay.Input(
            itemID: itemID, deckID: deck, scheduler: try scheduler(for: deck), firstSeen: item[1], current: current,
            existing: existing, newReviews: Array(newReviews))
    }

    /// Writes one item's replay: inserts its new rows (in batches), rewrites the states of its
    /// existing rows that changed, and updates its state.
    ///
    /// - Returns: how many rows it inserted or rewrote.
    mutating func write(_ changes: ItemReplay.Changes) throws -> Int {
        replayed += 1
        for rewrite in changes.rewrites {
            rewriteStatement.bind(1, rewrite.outcome.before)
            rewriteStatement.bind(9, rewrite.outcome.after)
            rewriteStatement.bind(17, rewrite.id)
            try rewriteStatement.run(db)
        }
        for row in changes.newRows {
            newRows.append(row)
            if newRows.count == Self.batchRows { try flush() }
        }
        if let state = changes.state {
            stateStatement.bind(1, state)
            stateStatement.bind(9, changes.itemID)
            try stateStatement.run(db)
        }
        return changes.rewrites.count + changes.newRows.count
    }

    /// Starts a run of new rows: they take the ids after the largest in the log (as SQLite
    /// would give them), so their origins can be inserted in batches too.
    mutating func beginInserting() throws {
        nextID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM review") ?? 0) + 1
    }

    /// Runs a statement over `count` rows: full batches of `batchRows` rows through `batch`,
    /// the rest one by one through `single`. `bind` binds row `row` as the statement's
    /// `slot`th; `inserted` is told each range of rows that went in.
    private func inBatches(
        _ count: Int, batch: BoundStatement, single: BoundStatement,
        bind: (_ statement: BoundStatement, _ slot: Int, _ row: Int) -> Void,
        inserted: (Range<Int>) -> Void = { _ in }
    ) throws {
        var start = 0
        while start < count {
            let full = count - start >= Self.batchRows
            let statement = full ? batch : single
            let rows = full ? Self.batchRows : 1
            for slot in 0..<rows { bind(statement, slot, start + slot) }
            try statement.run(db)
            inserted(start..<start + rows)
            start += rows
        }
    }

    /// Inserts the queued new rows, full batches with one statement each, the rest one by one,
    /// and queues their origins for `insertOrigins()`.
    mutating func flush() throws {
        let firstID = nextID
        try inBatches(
            newRows.count, batch: batchInsertStatement, single: insertStatement,
            bind: { statement, slot, index in
                let row = newRows[index]
                let base = Int32(slot * 24)
                statement.bind(base + 1, firstID + Int64(index))
                statement.bind(base + 2, row.itemID)
                statement.bind(base + 3, nil as Int64?)
                statement.bind(base + 4, row.review.time)
                statement.bind(base + 5, row.studyDay)
                statement.bind(base + 6, row.review.kind.rawValue)
                statement.bind(base + 7, row.review.rating)
                statement.bind(base + 8, row.review.duration)
                statement.bind(base + 9, row.outcome.before)
                statement.bind(base + 17, row.outcome.after)
            },
            inserted: { range in
                guard tallies != nil else { return }
                for row in newRows[range] {
                    tallies?.add(
                        day: Int(row.studyDay), deckID: row.deckID, kind: row.review.kind,
                        beforePhase: row.outcome.before.phase, rating: Rating(rawValue: row.review.rating),
                        durationMilliseconds: row.review.duration)
                }
            })
        for (offset, row) in newRows.enumerated() {
            origins.append((firstID + Int64(offset), row.review.origin))
        }
        nextID += Int64(newRows.count)
        newRows.removeAll(keepingCapacity: true)
    }

    /// Inserts the origins of the new rows inserted since the last call: in origin order while
    /// the origin index is there (it is then written in one sweep, not at random places), else
    /// in row order.
    mutating func insertOrigins() throws {
        if originsInOriginOrder { origins.sort { $0.origin < $1.origin } }
        try inBatches(
            origins.count, batch: batchOriginStatement, single: originStatement,
            bind: { statement, slot, index in
                statement.bind(Int32(slot * 2 + 1), origins[index].reviewID)
                statement.bind(Int32(slot * 2 + 2), origins[index].origin)
            })
        origins.removeAll(keepingCapacity: true)
    }
}
