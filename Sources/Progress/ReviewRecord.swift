import Foundation
import Scheduling

/// One answer to save: the item, when, the rating, and the card's state before and after.
///
/// Times are kept to the millisecond.
public struct ReviewRecord: Sendable, Hashable {
    /// The item answered.
    public var item: ItemRef
    /// When it was answered.
    public var time: Date
    /// The rating; `nil` only for a `.manual` change.
    public var rating: Rating?
    /// The state the scheduler started from (restored by undo).
    public var before: CardState
    /// The state after the answer; `nil` for a practice answer, which leaves the schedule alone.
    public var after: CardState?
    /// How long the user took to answer, in milliseconds, when measured.
    public var durationMilliseconds: Int?
    /// Study, practice or manual.
    public var kind: ReviewKind
    /// The session it belongs to, if any (see `ProgressStore.startSession`).
    public var sessionID: Int64?

    /// A study answer: the log row plus the card's new state.
    public static func study(
        _ item: ItemRef, rating: Rating, at time: Date, before: CardState, after: CardState,
        durationMilliseconds: Int? = nil, sessionID: Int64? = nil
    ) -> ReviewRecord {
        ReviewRecord(
            item: item, time: time, rating: rating, before: before, after: after,
            durationMilliseconds: durationMilliseconds, kind: .study, sessionID: sessionID)
    }

    /// A practice answer: logged with the card's current state, which it does not change.
    public static func practice(
        _ item: ItemRef, rating: Rating, at time: Date, state: CardState,
        durationMilliseconds: Int? = nil, sessionID: Int64? = nil
    ) -> ReviewRecord {
        ReviewRecord(
            item: item, time: time, rating: rating, before: state, after: nil,
            durationMilliseconds: durationMilliseconds, kind: .practice, sessionID: sessionID)
    }

    /// A change by hand with no rating, such as resetting a card to new.
    public static func manual(
        _ item: ItemRef, at time: Date, before: CardState, after: CardState, sessionID: Int64? = nil
    ) -> ReviewRecord {
        ReviewRecord(
            item: item, time: time, rating: nil, before: before, after: after,
            durationMilliseconds: nil, kind: .manual, sessionID: sessionID)
    }
}
