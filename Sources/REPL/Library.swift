import Decks

/// The decks the REPL works on, with lookups by id and tag.
public struct Library: Sendable {
    /// The decks, in discovery order.
    public var decks: [Deck]

    /// Creates a library of `decks`.
    public init(decks: [Deck]) {
        self.decks = decks
    }

    /// The deck ids, in order.
    public var deckIDs: [String] { decks.map(\.id) }

    /// Every tag of every deck and card, sorted, without duplicates.
    public var tags: [String] {
        Set(decks.flatMap { $0.tags + $0.cards.flatMap(\.tags) }).sorted()
    }

    /// What tab completes at the main prompt.
    public var completion: ShellCompletion {
        ShellCompletion(deckIDs: deckIDs, tags: tags)
    }

    /// Checks that every one of `tags` is the tag of some deck or card (case does not matter).
    public func checkTags(_ tags: [String]) throws(CommandError) {
        let known = self.tags
        let lowered = Set(known.map { $0.lowercased() })
        for tag in tags where !lowered.contains(tag.lowercased()) {
            throw .unknownTag(tag, suggestion: Suggestion.nearest(to: tag, among: known))
        }
    }

    /// The decks named by `ids` (every deck when empty), or an error naming the first unknown one.
    public func decks(named ids: [String]) throws(CommandError) -> [Deck] {
        guard !ids.isEmpty else { return decks }
        var chosen: [Deck] = []
        for id in ids {
            guard let deck = decks.first(where: { $0.id == id }) else {
                throw .unknownDeck(id, suggestion: Suggestion.nearest(to: id, among: deckIDs))
            }
            if !chosen.contains(where: { $0.id == id }) { chosen.append(deck) }
        }
        return chosen
    }
}
