import Decks

/// One study item of a deck as it is now, for `ProgressStore.sync`.
public struct SyncItem: Sendable, Hashable {
    /// The item's stable key (see `StudyItem.key`).
    public var key: String
    /// The card it comes from.
    public var cardID: String
    /// A hash of the card's content; a change marks the card as edited (its schedule is kept).
    public var contentHash: String

    /// Creates an item from its key, card id and content hash.
    public init(key: String, cardID: String, contentHash: String) {
        self.key = key
        self.cardID = cardID
        self.contentHash = contentHash
    }

    /// Describes a study item whose card has the given content hash.
    public init(_ item: StudyItem, contentHash: String) {
        self.init(key: item.key, cardID: item.cardID, contentHash: contentHash)
    }
}
