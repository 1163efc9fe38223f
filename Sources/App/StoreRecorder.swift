import Foundation
import Progress
import Scheduling
import Study

/// Saves a study session or quiz into the progress store: each answer in its own
/// transaction, committed before the next card appears.
public final class StoreRecorder: SessionRecorder, QuizRecorder {
    let store: ProgressStore
    let clock: () -> Date
    /// The session's id in the store.
    public let sessionID: Int64

    /// Starts a session of `kind` over `deckIDs` in `store`.
    public init(store: ProgressStore, kind: SessionKind, deckIDs: [String], clock: @escaping () -> Date = Date.init)
        throws
    {
        self.store = store
        self.clock = clock
        sessionID = try store.startSession(kind, deckIDs: deckIDs, at: clock())
    }

    public func save(_ review: SessionReview, reschedule: (CardState) -> CardState) throws -> SessionReview {
        let saved = try store.recordStudy(
            .study(
                ItemRef(review.item), rating: review.rating, at: review.time, before: review.before,
                after: review.after,
                durationMilliseconds: review.durationMilliseconds, sessionID: sessionID),
            reschedule: reschedule, buryingSiblings: review.buriedSiblings.map(ItemRef.init),
            until: review.siblingsBuriedUntil)
        var result = review
        if saved.rescheduled, let after = saved.after {
            result.before = saved.before
            result.after = after
        }
        return result
    }

    public func apply(_ change: SessionChange) throws {
        switch change {
        case .reviewed(let review): _ = try save(review, reschedule: { _ in review.after })
        case .buried(let item, let until): try store.bury(ItemRef(item), until: until)
        case .suspended(let item): try store.suspend(ItemRef(item))
        }
    }

    public func takeBack(_ change: SessionChange) throws {
        switch change {
        case .reviewed(let review):
            _ = try store.undoLast(sessionID: sessionID, unburying: review.buriedSiblings.map(ItemRef.init))
        case .buried(let item, _): try store.unbury(ItemRef(item))
        case .suspended(let item): try store.unsuspend(ItemRef(item))
        }
    }

    public func finish(_ summary: SessionSummary) throws {
        let counts = SessionCounts(
            answered: summary.studied, newItems: summary.newStudied, again: summary.ratings[.again, default: 0],
            hard: summary.ratings[.hard, default: 0], good: summary.ratings[.good, default: 0],
            easy: summary.ratings[.easy, default: 0])
        try store.endSession(sessionID, at: clock(), counts: counts)
    }

    public func save(_ answer: QuizAnswer) throws {
        let ref = ItemRef(answer.item)
        guard let state = try store.item(ref)?.state else {
            throw ProgressError.unknownItem(deckID: ref.deckID, key: ref.key)
        }
        _ = try store.record(
            .practice(
                ref, rating: answer.rating, at: answer.time, state: state,
                durationMilliseconds: answer.durationMilliseconds, sessionID: sessionID))
    }

    public func finish(_ result: QuizResult) throws {
        let wrong = result.answered - result.correct
        try store.endSession(
            sessionID, at: clock(), counts: SessionCounts(answered: result.answered, again: wrong, good: result.correct)
        )
    }
}
