import Foundation
import Scheduling

/// Everything the store keeps about one study item: its card, its schedule and its flags.
public struct StoredItem: Sendable, Hashable {
    /// The item.
    public var ref: ItemRef
    /// The card it comes from.
    public var cardID: String
    /// The hash of the card's content when last synced.
    public var contentHash: String
    /// Its scheduling state.
    public var state: CardState
    /// Whether it is suspended (kept out of every queue until unsuspended).
    public var suspended: Bool
    /// It stays out of the queue until this moment, if buried.
    public var buriedUntil: Date?
    /// When its card disappeared from the deck, if it did.
    public var orphanedAt: Date?

    /// Creates a stored item from its parts.
    public init(
        ref: ItemRef, cardID: String, contentHash: String, state: CardState,
        suspended: Bool = false, buriedUntil: Date? = nil, orphanedAt: Date? = nil
    ) {
        self.ref = ref
        self.cardID = cardID
        self.contentHash = contentHash
        self.state = state
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.orphanedAt = orphanedAt
    }
}
