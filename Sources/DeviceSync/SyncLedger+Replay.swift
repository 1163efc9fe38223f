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
    /// This thread reads the items in batches (`ItemReplayer.input`) and writes their changes
    /// (`ItemReplayer.write`); a `ReplayWorker` computes the replays (`ItemReplay.changes`, pure)
    /// on a helper thread in between, up to two batches ahead, so the two cores share the work.
    ///
    /// New rows go in through `ProgressStore.insertingReviewsInBulk` (counted into the tallies as
    /// they go in, written once per chunk of items); existing rows get their new states in
    /// place, an UPDATE the store allows device sync alone, whose trigger moves the retention
    /// tallies when a row's card enters or leaves the review phase before it.
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
    func replay(
        incoming: inout [IncomingReview], alsoItems: Set<Int64>, tuning: MergeTuning = MergeTuning(),
        progress: (SyncProgress) -> Void = { _ in }
    ) throws -> Int {
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
        // The replays are computed on a helper thread, a batch or two ahead, while this one
        // reads the items of the next batch and writes the changes of the last.
        let worker = ReplayWorker(store: store, devices: deviceIDs)
        var submitted: [ReplayWorker.Batch] = []
        var ready: [ItemReplay.Changes] = []
        var readyIndex = 0
        var incomingIndex = 0
        var extraIndex = 0
        let total = Int64(incoming.count)
        var merged: Int64 = 0
        progress(SyncProgress(.merging, done: 0, total: total))
        var itemsLeft: Bool { incomingIndex < incoming.count || extraIndex < items.count }
        /// Reads the items of the next batch (about `tuning.replayBatchRows` reviews) and hands
        /// them to the worker; false when no item is left.
        func submitBatch() throws -> Bool {
            var inputs: [ItemReplay.Input] = []
            var rows = 0
            while rows < tuning.replayBatchRows, itemsLeft {
                // The next item, in id order, with its incoming reviews.
                let input: ItemReplay.Input?
                if extraIndex < items.count,
                    incomingIndex >= incoming.count || items[extraIndex] < incoming[incomingIndex].itemID
                {
                    input = try replayer.input(item: items[extraIndex], newReviews: [])
                    extraIndex += 1
                } else {
                    let itemID = incoming[incomingIndex].itemID
                    let start = incomingIndex
                    while incomingIndex < incoming.count, incoming[incomingIndex].itemID == itemID {
                        incomingIndex += 1
                    }
                    input = try replayer.input(item: itemID, newReviews: incoming[start..<incomingIndex])
                }
                guard let input else { continue }
                rows += 1 + input.existing.count + input.newReviews.count
                inputs.append(input)
            }
            guard !inputs.isEmpty else { return false }
            submitted.append(worker.submit(inputs))
            return true
        }
        /// The next item's changes, in id order; nil when all are written.
        func nextChanges() throws -> ItemReplay.Changes? {
            if readyIndex == ready.count {
                while submitted.count < 2, try submitBatch() {}
                guard !submitted.isEmpty else { return nil }
                ready = submitted.removeFirst().changes()
                readyIndex = 0
                // Keep the worker busy while this thread writes the batch.
                while submitted.count < 2, try submitBatch() {}
            }
            defer { readyIndex += 1 }
            return ready[readyIndex]
        }
        /// Writes replayed items until `tuning.chunkRows` rows are written or queued.
        func chunk() throws {
            try replayer.beginInserting()
            var written = 0
            while written < tuning.chunkRows, let changes = try nextChanges() {
                written += try replayer.write(changes)
                merged += Int64(changes.newRows.count)
                if readyIndex == ready.count { progress(SyncProgress(.merging, done: merged, total: total)) }
            }
            try replayer.flush()
            try replayer.insertOrigins()
        }
        while readyIndex < ready.count || !submitted.isEmpty || itemsLeft {
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
        }
        // The indexes are rebuilt with the memory the incoming reviews took.
        incoming = []
        if !droppedIndexes.isEmpty { progress(SyncProgress(.indexing)) }
        for sql in droppedIndexes { try db.execute(sql: sql) }
        return replayer.replayed
    }
}
