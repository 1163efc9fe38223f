/// What loading one deck file gave: the deck when it is valid, and every problem found.
public struct DeckLoadResult: Sendable {
    /// The file, as given.
    public var file: String
    /// The deck, only when the file has no problem at all (a broken deck is skipped).
    public var deck: Deck?
    /// Every problem in the file, in file order within each check.
    public var problems: [DeckProblem]
    /// The number of entries in the file's `cards` list (0 when it could not be read);
    /// cards as written, not study items.
    public var cardCount: Int
    /// The deck's id as written, when it is a string, even in a broken deck.
    public var deckID: String?
    /// The line and column of the deck's `id` value, for duplicate-id messages.
    public var idLocation: (line: Int, column: Int)?

    /// Creates a result.
    public init(
        file: String, deck: Deck? = nil, problems: [DeckProblem] = [], cardCount: Int = 0,
        deckID: String? = nil, idLocation: (line: Int, column: Int)? = nil
    ) {
        self.file = file
        self.deck = deck
        self.problems = problems
        self.cardCount = cardCount
        self.deckID = deckID
        self.idLocation = idLocation
    }
}
