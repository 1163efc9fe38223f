/// A deck: a titled collection of cards with the sources they cite.
public struct Deck: Sendable, Hashable {
    /// The deck's slug, unique among loaded decks; progress is keyed by it.
    public var id: String
    /// The human title.
    public var title: String
    /// A sentence or two on what the deck covers.
    public var description: String
    /// Free-form tags for selecting decks and cards.
    public var tags: [String]
    /// The texts the cards cite.
    public var sources: [Source]
    /// The cards, in file order.
    public var cards: [Card]
    /// The file the deck was loaded from, if any (for messages).
    public var file: String?

    /// Creates a deck from its parts.
    public init(
        id: String, title: String, description: String, tags: [String] = [],
        sources: [Source] = [], cards: [Card] = [], file: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.tags = tags
        self.sources = sources
        self.cards = cards
        self.file = file
    }
}
