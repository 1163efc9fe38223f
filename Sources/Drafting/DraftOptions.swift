/// What to draft and how to name the deck.
public struct DraftOptions: Sendable, Hashable {
    /// The deck id; nil derives it from the file name.
    public var deckID: String?
    /// The deck title; nil takes the summary's first heading, else the file name.
    public var title: String?
    /// The card types to make.
    public var types: Set<DraftCardType>
    /// At most this many cards, spread evenly over the summary; nil for all of them.
    public var maxCards: Int?

    /// Creates options; by default every type and no limit.
    public init(
        deckID: String? = nil, title: String? = nil, types: Set<DraftCardType> = Set(DraftCardType.allCases),
        maxCards: Int? = nil
    ) {
        self.deckID = deckID
        self.title = title
        self.types = types
        self.maxCards = maxCards
    }
}
