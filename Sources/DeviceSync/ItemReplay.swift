import Foundation
import Progress
import Scheduling

/// The replay of one item, apart from the store: what it needs read (`ItemReplay.Input`),
/// the pure computation, and what it writes (`ItemReplay.Changes`), so that `SyncLedger.replay`
/// can compute on one core while the other writes.
enum ItemReplay {
    /// A review-log row already in the store: what its replay reads, and the states it holds.
    struct Existing: Sendable {
        /// Its row id.
        var id: Int64
        /// When it was answered (Unix milliseconds).
        var time: Int64
        var kind: ReviewKind
        /// 1 to 4 (nil for a manual change).
        var rating: Int64?
        var before: CardState?
        var after: CardState?
        /// Its origin, when it has one.
        var origin: Int64?
    }

    /// What the replay of one item reads from the store.
    struct Input: Sendable {
        var itemID: Int64
        var deckID: String
        var scheduler: any Scheduler
        /// When the item was first seen (Unix milliseconds): a new card's due time.
        var firstSeen: Int64
        /// Its state now.
        var current: CardState
        /// Its rows in the log.
        var existing: [Existing]
        /// The reviews arriving for it.
        var newReviews: [IncomingReview]
    }

    /// An existing review-log row whose states a replay changed.
    struct Rewrite: Sendable {
        /// Its row id.
        var id: Int64
        var outcome: HistoryReplay.Outcome
    }

    /// A new review-log row.
    struct NewRow: Sendable {
        var itemID: Int64
        var deckID: String
        var review: IncomingReview
        var studyDay: Int64
        var outcome: HistoryReplay.Outcome
    }

    /// What the replay of one item writes.
    struct Changes: Sendable {
        var itemID: Int64
        var rewrites: [Rewrite]
        var newRows: [NewRow]
        /// The item's new state, or nil when it stays as it is.
        var state: CardState?
    }

    /// Study days of answer times, looked up by quarter hour: every study-day boundary (the
    /// rollover hour in any time zone in use, all offsets being whole quarter hours) falls
    /// between them.
    struct StudyDays {
        let store: ProgressStore
        private var days: [Int64: Int64] = [:]

        init(store: ProgressStore) { self.store = store }

        /// The study day of an answer at `milliseconds`.
        mutating func day(_ milliseconds: Int64) -> Int64 {
            let quarter = milliseconds >= 0 ? milliseconds / 900_000 : (milliseconds - 899_999) / 900_000
            if let day = days[quarter] { return day }
            let day = store.deviceSyncStudyDay(ofMilliseconds: milliseconds)
            days[quarter] = day
            return day
        }
    }

    /// Replays one item's merged history: the rows whose states change, the new rows, and its
    /// state.
    /// `devices` gives the device id of each device number (see `SyncLedger`).
    static func changes(of input: Input, devices: [Int64: String], studyDays: inout StudyDays) -> Changes {
        var entries: [HistoryReplay.Entry] = []
        entries.reserveCapacity(input.existing.count + input.newReviews.count)
        for old in input.existing {
            entries.append(
                HistoryReplay.Entry(
                    time: old.time, id: old.origin.map { SyncLedger.id(of: $0, devices: devices) }, rowID: old.id,
                    kind: old.kind, rating: old.rating.flatMap { Rating(rawValue: Int($0)) },
                    manualAfter: old.kind == .manual ? old.after : nil, index: entries.count))
        }
        for review in input.newReviews {
            entries.append(
                HistoryReplay.Entry(
                    time: review.time, id: SyncLedger.id(of: review.origin, devices: devices), rowID: nil,
                    kind: review.kind, rating: Rating(rawValue: review.rating),
                    manualAfter: nil, index: entries.count))
        }
        let (outcomes, final) = HistoryReplay.replay(
            entries, scheduler: input.scheduler, normalize: SyncLedger.stored)

        var changes = Changes(itemID: input.itemID, rewrites: [], newRows: [], state: nil)
        for (index, old) in input.existing.enumerated() {
            guard let outcome = outcomes[index], outcome.before != old.before || outcome.after != old.after else {
                continue
            }
            changes.rewrites.append(Rewrite(id: old.id, outcome: outcome))
        }
        changes.newRows.reserveCapacity(input.newReviews.count)
        for (offset, review) in input.newReviews.enumerated() {
            guard let outcome = outcomes[input.existing.count + offset] else { continue }
            changes.newRows.append(
                NewRow(
                    itemID: input.itemID, deckID: input.deckID, review: review, studyDay: studyDays.day(review.time),
                    outcome: outcome))
        }
        let current = input.current
        let wanted =
            final ?? (current.phase == .new ? current : CardState.new(due: Date(unixMilliseconds: input.firstSeen)))
        if wanted != current { changes.state = wanted }
        return changes
    }
}
