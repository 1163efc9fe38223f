import Foundation
import Scheduling

/// A study item whose card is no longer in its deck; its history is kept.
public struct OrphanedItem: Sendable, Hashable {
    /// The item.
    public var ref: ItemRef
    /// The card it came from.
    public var cardID: String
    /// When sync first noticed the card was gone.
    public var orphanedAt: Date
    /// How many answers the review log holds for it.
    public var reviewCount: Int
    /// Its last scheduling state.
    public var state: CardState

    /// Creates an orphan record from its parts.
    public init(ref: ItemRef, cardID: String, orphanedAt: Date, reviewCount: Int, state: CardState) {
        self.ref = ref
        self.cardID = cardID
        self.orphanedAt = orphanedAt
        self.reviewCount = reviewCount
        self.state = state
    }
}
