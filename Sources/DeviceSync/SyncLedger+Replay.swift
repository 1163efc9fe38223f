import Foundation
import GRDB
import Progress
import Scheduling

/// A review from another device, on its way into the log (32 bytes: a merge holds millions).
struct IncomingReview {
    /// Its origin (see `SyncLedger`).
    var origin: Int64
    /// The item's row id.
    var itemID: Int64
    /// When it was answered (Unix milliseconds).
    var time: Int64
    /// Milliseconds, or -1 when not measured.
    private var storedDuration: Int32
    /// 1 to 4.
    private var storedRating: UInt8
    /// Study or practice.
    var kind: ReviewKind

    init(origin: Int64, itemID: Int64, time: Int64, rating: Int, kind: ReviewKind, duration: Int?) {
        self.origin = origin
        self.itemID = itemID
        self.time = time
        storedDuration = duration.flatMap { Int32(exactly: $0) } ?? -1
        storedRating = UInt8(clamping: rating)
        self.kind = kind
    }

    /// 1 to 4.
    var rating: Int { Int(storedRating) }
    /// Milliseconds, when measured.
    var duration: Int? { storedDuration < 0 ? nil : Int(storedDuration) }
}

extension SyncLedger {
    /// The state as the store keeps it (times to the millisecond), so a replay computes from
    /// exactly what a study session reads back.
    static func stored(_ state: CardState) -> CardState {
        var state = state
        state.due = Date(unixMilliseconds: state.due.unixMilliseconds)
        state.lastReview = state.lastReview.map { Date(unixMilliseconds: $0.unixMilliseconds) }
        return state
    }

    /// Inserts `incoming` (sorted by item, then origin) and replays every item they touch plus
    /// `alsoItems`: each review's before and after states and the item's state are recomputed
    /// from its merged history, and rows whose states change are rewritten.
    ///
    /// New rows go in through `ProgressStore.insertingReviewsInBulk` (counted into the tallies as
    /// they go in, written once per chunk of items); rewrites of existing rows (a delete and an
    /// insert under the same id) follow each chunk, with the tally triggers on.
    ///
    /// A large merge (`tuning.bulkThreshold` incoming reviews or more, and at least half as many
    /// as the log holds) goes in bulk: the review log's time index and the origin index are
    /// dropped and built again once at the end (one sort each) instead of being updated row
    /// by row; and SQLite does not evaluate the review table's CHECK constraints
    /// row by row, the rows being made here from values that satisfy them by construction
    /// (a kind and phases from their enumerations, a rating of 1 to 4, an after-state exactly
    /// when the kind is not practice; the store's integrity check still verifies them).
    /// Either way the store ends up the same.
    ///
    /// `incoming` is emptied once inserted, so the memory it took serves the index rebuild.
    ///
    /// - Returns: how many items were replayed.
    func replay(incoming: inout [IncomingReview], alsoItems: Set<Int64>, tuning: MergeTuning = MergeTuning()) throws
        -> Int
    {
        var droppedIndexes: [String] = []
        var bulk = false
        if incoming.count >= tuning.bulkThreshold {
            let logged = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM review") ?? 0
            bulk = incoming.count * 2 >= logged
        }
        if bulk {
            for name in ["review_time", "review_origin_origin"] {
                guard
                    let sql = try String.fetchOne(
                        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
                else { continue }
                try db.execute(sql: "DROP INDEX \(name)")
                droppedIndexes.append(sql)
            }
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        }
        defer { if bulk { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") } }
        var items = Array(alsoItems.subtracting(incoming.lazy.map(\.itemID)))
        items.sort()
        var replayer = try ItemReplayer(ledger: self)
        // Without the origin index, origins go in in row order: appended to their table.
        replayer.originsInOriginOrder = !droppedIndexes.contains { $0.contains("review_origin_origin") }
        // Into an empty log (a first sync), no item has a history to read.
        replayer.logWasEmpty = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM review") == nil
        var incomingIndex = 0
        var extraIndex = 0
        /// Replays items until `tuning.chunkRows` rows are written or queued.
        func chunk() throws {
            try replayer.beginInserting()
            var written = 0
            while written < tuning.chunkRows, replayer.queuedRewrites < tuning.chunkRewrites,
                incomingIndex < incoming.count || extraIndex < items.count
            {
                // The next item, in id order, with its incoming reviews.
                if extraIndex < items.count,
                    incomingIndex >= incoming.count || items[extraIndex] < incoming[incomingIndex].itemID
                {
                    written += try replayer.replay(item: items[extraIndex], newReviews: [])
                    extraIndex += 1
                } else {
                    let itemID = incoming[incomingIndex].itemID
                    let start = incomingIndex
                    while incomingIndex < incoming.count, incoming[incomingIndex].itemID == itemID {
                        incomingIndex += 1
                    }
                    written += try replayer.replay(item: itemID, newReviews: incoming[start..<incomingIndex])
                }
            }
            try replayer.flush()
            try replayer.insertOrigins()
        }
        while incomingIndex < incoming.count || extraIndex < items.count {
            if incoming.isEmpty {
                try chunk()
            } else {
                // The new rows are counted as they go in: no pass over them afterwards.
                try ProgressStore.insertingReviewsInBulk(db) { (tallies: inout ReviewTallies) in
                    replayer.tallies = ReviewTallies()
                    defer {
                        tallies = replayer.tallies ?? ReviewTallies()
                        replayer.tallies = nil
                    }
                    try chunk()
                }
            }
            try replayer.rewriteQueued()
        }
        // The indexes are rebuilt with the memory the incoming reviews took.
        incoming = []
        for sql in droppedIndexes { try db.execute(sql: sql) }
        return replayer.replayed
    }
}

/// Replays items one by one for `SyncLedger.replay`: inserts their new reviews, rewrites
/// the existing rows whose states change (queued until `rewriteQueued()`), and updates
/// their states.
struct ItemReplayer {
    /// The columns of an existing review-log row that a rewrite keeps.
    private struct LoggedRow {
        var id: Int64
        var itemID: Int64
        var sessionID: Int64?
        var time: Int64
        var studyDay: Int64?
        var kind: ReviewKind
        var rating: Int64?
        var duration: Int64?
    }

    /// An existing review-log row whose states a replay changed.
    private struct Rewrite {
        var row: LoggedRow
        var outcome: HistoryReplay.Outcome
    }

    let ledger: SyncLedger
    private var db: Database { ledger.db }
    private var store: ProgressStore { ledger.store }
    private let itemStatement: Statement
    private let historyStatement: Statement
    private let insertStatement: BoundStatement
    private let originStatement: BoundStatement
    private let deleteStatement: BoundStatement
    private let stateStatement: BoundStatement
    private var schedulers: [String: any Scheduler] = [:]
    private var studyDays: [Int64: Int64] = [:]
    private var rewrites: [Rewrite] = []
    /// A new review-log row, queued for a batch.
    private struct NewRow {
        var itemID: Int64
        var deckID: String
        var review: IncomingReview
        var studyDay: Int64
        var outcome: HistoryReplay.Outcome
    }
    /// Rows per batch insert.
    static let batchRows = 32
    private let batchInsertStatement: BoundStatement
    private let batchOriginStatement: BoundStatement
    private var newRows: [NewRow] = []
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
                SELECT r.id, r.session_id, r.reviewed_at, r.kind, r.rating, r.duration_ms, o.origin,
                       \(ProgressStore.deviceSyncStateColumns(prefix: "r.before_")),
                       \(ProgressStore.deviceSyncStateColumns(prefix: "r.after_")), r.study_day
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
        deleteStatement = try BoundStatement(db, cached: true, sql: "DELETE FROM review WHERE id = ?")
        stateStatement = try BoundStatement(db, cached: true, sql: "UPDATE item SET \(assignments) WHERE id = ?")
    }

    /// The scheduler of `deck`, from its settings.
    private mutating func scheduler(for deck: String) throws -> any Scheduler {
        if let scheduler = schedulers[deck] { return scheduler }
        let scheduler = try store.deviceSyncSettings(for: deck, in: db).scheduler.makeScheduler()
        schedulers[deck] = scheduler
        return scheduler
    }

    /// The study day of an answer at `milliseconds`, looked up by quarter hour: every
    /// study-day boundary (the rollover hour in any time zone in use, all offsets being whole
    /// quarter hours) falls between them.
    private mutating func studyDay(_ milliseconds: Int64) -> Int64 {
        let quarter = milliseconds >= 0 ? milliseconds / 900_000 : (milliseconds - 899_999) / 900_000
        if let day = studyDays[quarter] { return day }
        let day = store.deviceSyncStudyDay(ofMilliseconds: milliseconds)
        studyDays[quarter] = day
        return day
    }

    /// Replays item `itemID` with `newReviews` added to its history: inserts them, queues
    /// the rewrites of its existing rows, and updates its state.
    ///
    /// - Returns: how many rows it inserted or queued.
    mutating func replay(item itemID: Int64, newReviews: ArraySlice<IncomingReview>) throws -> Int {
        guard let item = try Row.fetchOne(itemStatement, arguments: [itemID]) else { return 0 }
        replayed += 1
        let deck: String = item[0]
        let firstSeen: Int64 = item[1]
        guard let current = try store.deviceSyncState(in: item, at: 2) else { return 0 }

        var existing: [(row: LoggedRow, before: CardState?, after: CardState?)] = []
        var entries: [HistoryReplay.Entry] = []
        entries.reserveCapacity(newReviews.count)
        let rows = logWasEmpty ? nil : try Row.fetchCursor(historyStatement, arguments: [itemID])
        while let row = try rows?.next() {
            let kindText: String = row[3]
            guard let kind = ReviewKind(rawValue: kindText) else { continue }
            let rating: Int? = row[4]
            let origin: Int64? = row[6]
            let before = try store.deviceSyncState(in: row, at: 7)
            let after = try store.deviceSyncState(in: row, at: 15)
            entries.append(
                HistoryReplay.Entry(
                    time: row[2], id: origin.map(ledger.id(of:)), rowID: row[0], kind: kind,
                    rating: rating.flatMap(Rating.init(rawValue:)), manualAfter: kind == .manual ? after : nil,
                    index: entries.count))
            existing.append(
                (
                    LoggedRow(
                        id: row[0], itemID: itemID, sessionID: row[1], time: row[2], studyDay: row[23], kind: kind,
                        rating: row[4], duration: row[5]), before, after
                ))
        }
        for review in newReviews {
            entries.append(
                HistoryReplay.Entry(
                    time: review.time, id: ledger.id(of: review.origin), rowID: nil, kind: review.kind,
                    rating: Rating(rawValue: review.rating), manualAfter: nil, index: entries.count))
        }
        let (outcomes, final) = HistoryReplay.replay(
            entries, scheduler: try scheduler(for: deck), normalize: SyncLedger.stored)

        var written = 0
        for (index, old) in existing.enumerated() {
            guard let outcome = outcomes[index], outcome.before != old.before || outcome.after != old.after else {
                continue
            }
            rewrites.append(Rewrite(row: old.row, outcome: outcome))
            written += 1
        }
        for (offset, review) in newReviews.enumerated() {
            guard let outcome = outcomes[existing.count + offset] else { continue }
            try add(
                NewRow(itemID: itemID, deckID: deck, review: review, studyDay: studyDay(review.time), outcome: outcome))
            written += 1
        }
        let wanted = final ?? (current.phase == .new ? current : CardState.new(due: Date(unixMilliseconds: firstSeen)))
        if wanted != current {
            stateStatement.bind(1, wanted)
            stateStatement.bind(9, itemID)
            try stateStatement.run(db)
        }
        return written
    }

    /// Starts a run of new rows: they take the ids after the largest in the log (as SQLite
    /// would give them), so their origins can be inserted in batches too.
    mutating func beginInserting() throws {
        nextID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM review") ?? 0) + 1
    }

    /// Queues a new row, inserting the queue when a batch is full.
    private mutating func add(_ row: NewRow) throws {
        newRows.append(row)
        if newRows.count == Self.batchRows { try flush() }
    }

    /// Inserts the queued new rows, full batches with one statement each, the rest one by one,
    /// and queues their origins for `insertOrigins()`.
    mutating func flush() throws {
        var start = 0
        while start < newRows.count {
            let batch = newRows.count - start >= Self.batchRows
            let statement = batch ? batchInsertStatement : insertStatement
            let count = batch ? Self.batchRows : 1
            for offset in 0..<count {
                let row = newRows[start + offset]
                let base = Int32(offset * 24)
                statement.bind(base + 1, nextID + Int64(start + offset))
                statement.bind(base + 2, row.itemID)
                statement.bind(base + 3, nil as Int64?)
                statement.bind(base + 4, row.review.time)
                statement.bind(base + 5, row.studyDay)
                statement.bind(base + 6, row.review.kind.rawValue)
                statement.bind(base + 7, row.review.rating)
                statement.bind(base + 8, row.review.duration)
                statement.bind(base + 9, row.outcome.before)
                statement.bind(base + 17, row.outcome.after)
            }
            try statement.run(db)
            if tallies != nil {
                for row in newRows[start..<start + count] {
                    tallies?.add(
                        day: Int(row.studyDay), deckID: row.deckID, kind: row.review.kind,
                        beforePhase: row.outcome.before.phase, rating: Rating(rawValue: row.review.rating),
                        durationMilliseconds: row.review.duration)
                }
            }
            start += count
        }
        for (offset, row) in newRows.enumerated() {
            origins.append((nextID + Int64(offset), row.review.origin))
        }
        nextID += Int64(newRows.count)
        newRows.removeAll(keepingCapacity: true)
    }

    /// Inserts the origins of the new rows inserted since the last call: in origin order while
    /// the origin index is there (it is then written in one sweep, not at random places), else
    /// in row order.
    mutating func insertOrigins() throws {
        if originsInOriginOrder { origins.sort { $0.origin < $1.origin } }
        var start = 0
        while start < origins.count {
            let batch = origins.count - start >= Self.batchRows
            let statement = batch ? batchOriginStatement : originStatement
            let count = batch ? Self.batchRows : 1
            for offset in 0..<count {
                statement.bind(Int32(offset * 2 + 1), origins[start + offset].reviewID)
                statement.bind(Int32(offset * 2 + 2), origins[start + offset].origin)
            }
            try statement.run(db)
            start += count
        }
        origins.removeAll(keepingCapacity: true)
    }

    /// How many rewrites are queued.
    var queuedRewrites: Int { rewrites.count }

    /// Rewrites the queued rows (a delete, then an insert under the same id, so the tally
    /// triggers move the counts), and empties the queue.
    mutating func rewriteQueued() throws {
        for rewrite in rewrites {
            let row = rewrite.row
            deleteStatement.bind(1, row.id)
            try deleteStatement.run(db)
            insertStatement.bind(1, row.id)
            insertStatement.bind(2, row.itemID)
            insertStatement.bind(3, row.sessionID)
            insertStatement.bind(4, row.time)
            insertStatement.bind(5, row.studyDay)
            insertStatement.bind(6, row.kind.rawValue)
            insertStatement.bind(7, row.rating)
            insertStatement.bind(8, row.duration)
            insertStatement.bind(9, rewrite.outcome.before)
            insertStatement.bind(17, rewrite.outcome.after)
            try insertStatement.run(db)
        }
        rewrites.removeAll(keepingCapacity: true)
    }
}
