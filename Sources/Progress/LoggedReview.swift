import Foundation
import Scheduling

/// One row of the review log, as exported.
public struct LoggedReview: Sendable, Hashable {
    /// The row's id (increasing in the order answers were saved).
    public var id: Int64
    /// The item answered.
    public var item: ItemRef
    /// The card it comes from.
    public var cardID: String
    /// When it was answered (to the millisecond).
    public var time: Date
    /// The rating; `nil` for a manual change.
    public var rating: Rating?
    /// Study, practice or manual.
    public var kind: ReviewKind
    /// How long the answer took, in milliseconds, when measured.
    public var durationMilliseconds: Int?
    /// The state before the answer.
    public var before: CardState
    /// The state after it (`nil` for practice).
    public var after: CardState?

    /// Creates a logged review from its parts.
    public init(
        id: Int64, item: ItemRef, cardID: String, time: Date, rating: Rating?, kind: ReviewKind,
        durationMilliseconds: Int?, before: CardState, after: CardState?
    ) {
        self.id = id
        self.item = item
        self.cardID = cardID
        self.time = time
        self.rating = rating
        self.kind = kind
        self.durationMilliseconds = durationMilliseconds
        self.before = before
        self.after = after
    }
}
