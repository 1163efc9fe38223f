import Foundation
import Scheduling

/// One answer of the review log, reduced to what an export of the log needs: the item, the
/// time, the rating and duration, and the parts of the states before and after it that Anki's
/// review log records. Read without decoding the whole row (see
/// ``ProgressStore/forEachReviewOutline(_:)``); every value is still checked.
public struct ReviewOutline: Sendable, Hashable {
    /// The item's row in the store, as ``ProgressStore/forEachItemRow(deckIDs:_:)`` gives it.
    public var itemRow: Int64
    /// When it was answered (to the millisecond).
    public var time: Date
    /// Study, practice or manual.
    public var kind: ReviewKind
    /// The rating; `nil` for a manual change.
    public var rating: Rating?
    /// How long the answer took, in milliseconds, when measured.
    public var durationMilliseconds: Int?
    /// The phase before the answer.
    public var beforePhase: CardPhase
    /// When the card was due before the answer.
    public var beforeDue: Date
    /// The card's last review before the answer, if it had one.
    public var beforeLastReview: Date?
    /// The phase after the answer (`nil` for practice).
    public var afterPhase: CardPhase?
    /// When the card is due after the answer (`nil` for practice).
    public var afterDue: Date?
    /// The difficulty after the answer (an SM-2 card's ease), when it has one.
    public var afterDifficulty: Double?

    /// Creates an outline from its parts.
    public init(
        itemRow: Int64, time: Date, kind: ReviewKind, rating: Rating?, durationMilliseconds: Int?,
        beforePhase: CardPhase, beforeDue: Date, beforeLastReview: Date?, afterPhase: CardPhase?, afterDue: Date?,
        afterDifficulty: Double?
    ) {
        self.itemRow = itemRow
        self.time = time
        self.kind = kind
        self.rating = rating
        self.durationMilliseconds = durationMilliseconds
        self.beforePhase = beforePhase
        self.beforeDue = beforeDue
        self.beforeLastReview = beforeLastReview
        self.afterPhase = afterPhase
        self.afterDue = afterDue
        self.afterDifficulty = afterDifficulty
    }
}
