import Decks

/// Names one study item in the store: its deck and its stable key ("card", "card#reverse", "card#c2").
public struct ItemRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The deck's id.
    public var deckID: String
    /// The item's key, unique within the deck (see `StudyItem.key`).
    public var key: String

    /// Names the item `key` of deck `deckID`.
    public init(deckID: String, key: String) {
        self.deckID = deckID
        self.key = key
    }

    /// Names a study item.
    public init(_ item: StudyItem) {
        self.init(deckID: item.deckID, key: item.key)
    }

    /// `deck/key`: unique across decks, used as the `card_id` of the exported review log.
    public var description: String { deckID + "/" + key }

    /// Orders by deck, then key.
    public static func < (lhs: ItemRef, rhs: ItemRef) -> Bool {
        (lhs.deckID, lhs.key) < (rhs.deckID, rhs.key)
    }
}
