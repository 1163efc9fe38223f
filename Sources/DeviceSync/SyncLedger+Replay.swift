import Foundation
import GRDB
import Progress
import Scheduling

/// A review from another device, on its way into the log.
struct IncomingReview {
    /// Its origin (see `SyncLedger`).
    var origin: Int64
    /// The item's row id.
    var itemID: Int64
    /// When it was answered (Unix milliseconds).
    var time: Int64
    /// 1 to 4.
    var rating: Int
    /// Study or practice.
    var kind: ReviewKind
    /// Milliseconds, when measured.
    var duration: Int?
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

    /// Inserts `incoming` (sorted by item) and replays every item they touch plus `alsoItems`:
    /// each review's before and after states and the item's state are recomputed from its
    /// merged history, and rows whose states change are rewritten.
    ///
    /// - Returns: how many items were replayed.
    func replay(incoming: [IncomingReview], alsoItems: Set<Int64>) throws -> Int {
        var schedulers: [String: any Scheduler] = [:]
        func scheduler(for deck: String) throws -> any Scheduler {
            if let scheduler = schedulers[deck] { return scheduler }
            let scheduler = try store.deviceSyncSettings(for: deck, in: db).scheduler.makeScheduler()
            schedulers[deck] = scheduler
            return scheduler
        }
        let stateColumns = ProgressStore.deviceSyncStateColumns()
        let assignments = stateColumns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }
            .joined(separator: ", ")
        let itemStatement = try db.cachedStatement(
            sql: "SELECT deck_id, first_seen, \(stateColumns) FROM item WHERE id = ?")
        let historyStatement = try db.cachedStatement(
            sql: """
                SELECT r.id, r.session_id, r.reviewed_at, r.kind, r.rating, r.duration_ms, o.origin,
                       \(ProgressStore.deviceSyncStateColumns(prefix: "r.before_")),
                       \(ProgressStore.deviceSyncStateColumns(prefix: "r.after_")), r.study_day
                FROM review r LEFT JOIN review_origin o ON o.review_id = r.id WHERE r.item_id = ?
                """)
        let insertStatement = try RawStatement(
            db,
            sql: """
                INSERT INTO review (id, item_id, session_id, reviewed_at, study_day, kind, rating, duration_ms,
                    \(ProgressStore.deviceSyncStateColumns(prefix: "before_")),
                    \(ProgressStore.deviceSyncStateColumns(prefix: "after_")))
                VALUES (\(Array(repeating: "?", count: 24).joined(separator: ", ")))
                """)
        let originStatement = try RawStatement(db, sql: "INSERT INTO review_origin (review_id, origin) VALUES (?, ?)")
        let deleteStatement = try db.cachedStatement(sql: "DELETE FROM review WHERE id = ?")
        let stateStatement = try db.cachedStatement(sql: "UPDATE item SET \(assignments) WHERE id = ?")

        // Study days by quarter hour: every study-day boundary (the rollover hour in any time
        // zone in use, all offsets being whole quarter hours) falls between them.
        var studyDays: [Int64: Int64] = [:]
        func studyDay(_ milliseconds: Int64) -> Int64 {
            let quarter = milliseconds >= 0 ? milliseconds / 900_000 : (milliseconds - 899_999) / 900_000
            if let day = studyDays[quarter] { return day }
            let day = store.deviceSyncStudyDay(ofMilliseconds: milliseconds)
            studyDays[quarter] = day
            return day
        }
        var items = Array(alsoItems.subtracting(incoming.lazy.map(\.itemID)))
        items.sort()
        var replayed = 0
        var incomingIndex = 0
        var extraIndex = 0
        while incomingIndex < incoming.count || extraIndex < items.count {
            // The next item, in id order, with its incoming reviews.
            let itemID: Int64
            var newReviews: ArraySlice<IncomingReview> = []
            if extraIndex < items.count,
                incomingIndex >= incoming.count || items[extraIndex] < incoming[incomingIndex].itemID
            {
                itemID = items[extraIndex]
                extraIndex += 1
            } else {
                itemID = incoming[incomingIndex].itemID
                let start = incomingIndex
                while incomingIndex < incoming.count, incoming[incomingIndex].itemID == itemID { incomingIndex += 1 }
                newReviews = incoming[start..<incomingIndex]
            }
            guard let item = try Row.fetchOne(itemStatement, arguments: [itemID]) else { continue }
            replayed += 1
            let deck: String = item[0]
            let firstSeen: Int64 = item[1]
            guard let current = try store.deviceSyncState(in: item, at: 2) else { continue }

            struct Existing {
                var row: Row
                var before: CardState?
                var after: CardState?
            }
            var existing: [Existing] = []
            var entries: [HistoryReplay.Entry] = []
            let rows = try Row.fetchCursor(historyStatement, arguments: [itemID])
            while let row = try rows.next() {
                let kindText: String = row[3]
                guard let kind = ReviewKind(rawValue: kindText) else { continue }
                let rating: Int? = row[4]
                let origin: Int64? = row[6]
                let before = try store.deviceSyncState(in: row, at: 7)
                let after = try store.deviceSyncState(in: row, at: 15)
                entries.append(
                    HistoryReplay.Entry(
                        time: row[2], id: origin.map(id(of:)), rowID: row[0], kind: kind,
                        rating: rating.flatMap(Rating.init(rawValue:)), manualAfter: kind == .manual ? after : nil,
                        index: entries.count))
                existing.append(Existing(row: row.copy(), before: before, after: after))
            }
            for review in newReviews {
                entries.append(
                    HistoryReplay.Entry(
                        time: review.time, id: id(of: review.origin), rowID: nil, kind: review.kind,
                        rating: Rating(rawValue: review.rating), manualAfter: nil, index: entries.count))
            }
            let (outcomes, final) = HistoryReplay.replay(
                entries, scheduler: try scheduler(for: deck), normalize: Self.stored)

            for (index, old) in existing.enumerated() {
                guard let outcome = outcomes[index], outcome.before != old.before || outcome.after != old.after else {
                    continue
                }
                let row = old.row
                let id: Int64 = row[0]
                try deleteStatement.execute(arguments: [id])
                insertStatement.bind(1, id)
                insertStatement.bind(2, itemID)
                insertStatement.bind(3, row[1] as Int64?)
                insertStatement.bind(4, row[2] as Int64)
                insertStatement.bind(5, row[23] as Int64?)
                insertStatement.bind(6, row[3] as String)
                insertStatement.bind(7, row[4] as Int64?)
                insertStatement.bind(8, row[5] as Int64?)
                insertStatement.bind(9, outcome.before)
                insertStatement.bind(17, outcome.after)
                try insertStatement.run(db)
            }
            for (offset, review) in newReviews.enumerated() {
                guard let outcome = outcomes[existing.count + offset] else { continue }
                insertStatement.bind(1, nil as Int64?)
                insertStatement.bind(2, itemID)
                insertStatement.bind(3, nil as Int64?)
                insertStatement.bind(4, review.time)
                insertStatement.bind(5, studyDay(review.time))
                insertStatement.bind(6, review.kind.rawValue)
                insertStatement.bind(7, review.rating)
                insertStatement.bind(8, review.duration)
                insertStatement.bind(9, outcome.before)
                insertStatement.bind(17, outcome.after)
                try insertStatement.run(db)
                originStatement.bind(1, db.lastInsertedRowID)
                originStatement.bind(2, review.origin)
                try originStatement.run(db)
            }
            let wanted =
                final ?? (current.phase == .new ? current : CardState.new(due: Date(unixMilliseconds: firstSeen)))
            if wanted != current {
                var arguments = ProgressStore.deviceSyncValues(of: wanted)
                arguments.append(itemID)
                try stateStatement.execute(arguments: StatementArguments(arguments))
            }
        }
        return replayed
    }
}
