extension Deck {
    /// Every study item of every card, in card order (see `Card.studyItems(deckID:)`).
    public var studyItems: [StudyItem] {
        cards.flatMap { $0.studyItems(deckID: id) }
    }

    /// The card with this id, if the deck has one.
    public func card(id: String) -> Card? {
        cards.first { $0.id == id }
    }
}
