import Foundation
import Progress
import Scheduling

/// Recomputes an item's states from its merged review history: a memory state is a pure
/// function of the reviews, so every store that holds the same reviews gets the same states.
///
/// The history is ordered by time, then by event id (device id, sequence), so two reviews
/// made at the same millisecond on two devices are ordered alike everywhere. It starts from
/// a new card due at its first review's time.
struct HistoryReplay {
    /// One review of the history.
    struct Entry {
        /// When it was answered (Unix milliseconds).
        var time: Int64
        /// Its event id; `nil` for a local review not journaled yet (ordered after the others
        /// of its millisecond, by `localID`).
        var id: JournalEventID?
        /// The review-log row id, or `nil` for a review not in the log yet.
        var rowID: Int64?
        /// Study, practice or manual.
        var kind: ReviewKind
        /// The rating (nil for manual).
        var rating: Rating?
        /// For a manual change: the state it set.
        var manualAfter: CardState?
        /// Where it was in the caller's list.
        var index: Int

        /// The replay order.
        static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
            if lhs.time != rhs.time { return lhs.time < rhs.time }
            switch (lhs.id, rhs.id) {
            case (let left?, let right?): return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return (lhs.rowID ?? .max) < (rhs.rowID ?? .max)
            }
        }
    }

    /// A replayed review: the states before and after it (`after` nil for practice).
    struct Outcome: Equatable {
        var before: CardState
        var after: CardState?
    }

    /// Replays `entries` (any order) with `scheduler`.
    ///
    /// - Returns: the outcome of each entry, indexed like `entries`, and the final state
    ///   (`nil` when no review changed the state, so the item keeps its state as new).
    /// `normalize` is applied to every state computed (the store keeps times to the millisecond).
    static func replay(
        _ entries: [Entry], scheduler: any Scheduler, normalize: (CardState) -> CardState = { $0 }
    ) -> (outcomes: [Outcome?], final: CardState?) {
        let ordered = entries.sorted(by: Entry.precedes)
        var outcomes = [Outcome?](repeating: nil, count: entries.count)
        guard let first = ordered.first else { return (outcomes, nil) }
        var state = normalize(CardState.new(due: Date(unixMilliseconds: first.time)))
        var changed = false
        for entry in ordered {
            let before = state
            switch entry.kind {
            case .study:
                if let rating = entry.rating {
                    state = normalize(scheduler.review(state, rating: rating, at: Date(unixMilliseconds: entry.time)))
                    changed = true
                }
                outcomes[entry.index] = Outcome(before: before, after: state)
            case .practice:
                outcomes[entry.index] = Outcome(before: before, after: nil)
            case .manual:
                if let after = entry.manualAfter {
                    state = after
                    changed = true
                }
                outcomes[entry.index] = Outcome(before: before, after: state)
            }
        }
        return (outcomes, changed ? state : nil)
    }
}

extension Date {
    /// The date as whole Unix milliseconds (rounded to the nearest), as the store keeps times.
    var unixMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1_000).rounded())
    }

    /// The date `milliseconds` after the Unix epoch.
    init(unixMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }
}
