import Foundation
import Scheduling

/// The answer `ProgressStore.undoLast` took back.
public struct UndoneReview: Sendable, Hashable {
    /// The review-log row that was removed.
    public var id: Int64
    /// The item answered.
    public var item: ItemRef
    /// Study, practice or manual.
    public var kind: ReviewKind
    /// The rating that was undone (`nil` for a manual change).
    public var rating: Rating?
    /// When the answer was given.
    public var time: Date
    /// The item's state now: the state before the answer, restored exactly.
    public var restored: CardState

    /// Creates the description of an undone answer.
    public init(id: Int64, item: ItemRef, kind: ReviewKind, rating: Rating?, time: Date, restored: CardState) {
        self.id = id
        self.item = item
        self.kind = kind
        self.rating = rating
        self.time = time
        self.restored = restored
    }
}
