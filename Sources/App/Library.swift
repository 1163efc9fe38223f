import Decks
import Terminal

/// The decks commands work on, with lookups by id and tag.
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

    /// Checks that every one of `tags` is the tag of some deck or card (case does not matter).
    public func checkTags(_ tags: [String]) throws(UsageError) {
        let known = self.tags
        let lowered = Set(known.map { $0.lowercased() })
        for tag in tags where !lowered.contains(tag.lowercased()) {
            throw .unknownTag(tag, among: known)
        }
    }

    /// The decks named by `ids` (every deck when empty), or an error naming the first unknown one.
    public func decks(named ids: [String]) throws(UsageError) -> [Deck] {
        guard !ids.isEmpty else { return decks }
        var chosen: [Deck] = []
        for id in ids {
            guard let deck = decks.first(where: { $0.id == id }) else {
                throw .unknownDeck(id, among: deckIDs)
            }
            if !chosen.contains(where: { $0.id == id }) { chosen.append(deck) }
        }
        return chosen
    }

    /// "Plot, Characters" (sanitised), or "all 5 decks".
    public func titles(_ chosen: [Deck]) -> String {
        if chosen.count > 3 { return (chosen.count == decks.count ? "all " : "") + "\(chosen.count) decks" }
        return chosen.map { Sanitizer.clean($0.title, keepNewlines: false) }.joined(separator: ", ")
    }
}
