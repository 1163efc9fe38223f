/// One schedulable thing to study, derived from a card.
///
/// Most cards give one item whose key is the card id. A `basic` card with `reverse` also
/// gives `"<card>#reverse"`, and a cloze card gives `"<card>#c1"`, `"<card>#c2"`, … one per
/// distinct deletion number. Progress is stored per item key, so keys never change.
public struct StudyItem: Sendable, Hashable {
    /// Which side or deletion of the card is asked.
    public enum Variant: Sendable, Hashable {
        /// The card as written (front → back for basic cards).
        case forward
        /// Back → front of a basic card with `reverse`.
        case reverse
        /// The cloze deletion with this number (c1 → 1).
        case cloze(Int)
    }

    /// The deck the card belongs to.
    public var deckID: String
    /// The card the item comes from.
    public var cardID: String
    /// Which variant of the card.
    public var variant: Variant

    /// Creates an item.
    public init(deckID: String, cardID: String, variant: Variant) {
        self.deckID = deckID
        self.cardID = cardID
        self.variant = variant
    }

    /// The stable key progress is stored under, unique within the deck.
    public var key: String {
        switch variant {
        case .forward: cardID
        case .reverse: cardID + "#reverse"
        case .cloze(let n): cardID + "#c\(n)"
        }
    }
}
