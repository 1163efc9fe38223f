import Decks
import Progress

/// One deck an import will write: the deck, its JSON, its media and its progress.
struct PlannedDeck: Sendable {
    /// The deck.
    var deck: Deck
    /// Its file's text.
    var json: String
    /// The media files its cards refer to (names in the package).
    var media: [String]
    /// Its items, states, history and settings (`nil` for a text export, which has none).
    var progress: ProgressImport?
}
