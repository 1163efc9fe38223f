import Decks
import Foundation

extension ProgressStore {
    /// Brings the store in line with `deck`: every study item of every card, with the card's
    /// content hash, in deck order (see `sync(deckID:items:at:)`).
    @discardableResult
    public func sync(_ deck: Deck, at now: Date = Date()) throws -> SyncReport {
        let items = deck.cards.flatMap { card in
            let hash = card.contentHash
            return card.studyItems(deckID: deck.id).map { SyncItem($0, contentHash: hash) }
        }
        return try sync(deckID: deck.id, items: items, at: now)
    }
}
