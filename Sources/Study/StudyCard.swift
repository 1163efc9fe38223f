import Decks
import Scheduling

/// One item to study in a session, with its card and its current scheduling state.
///
/// The progress store decides what is due (learning and relearning items due today,
/// reviews due, new items up to the day's limit); the caller pairs each with its card.
public struct StudyCard: Sendable, Hashable {
    /// The item (deck, card, side or cloze deletion).
    public var item: StudyItem
    /// The card the item comes from.
    public var card: Card
    /// The title of the item's deck, shown in the header.
    public var deckTitle: String
    /// The item's scheduling state now.
    public var state: CardState

    /// Creates a study card.
    public init(item: StudyItem, card: Card, deckTitle: String, state: CardState) {
        self.item = item
        self.card = card
        self.deckTitle = deckTitle
        self.state = state
    }

    /// Which count of the header the item falls in, from its phase.
    public var category: QueueCategory {
        switch state.phase {
        case .new: .new
        case .learning, .relearning: .learning
        case .review: .review
        }
    }
}
