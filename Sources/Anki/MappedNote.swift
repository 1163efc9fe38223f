import Decks

/// One Anki note as a recall card.
struct MappedNote: Sendable, Hashable {
    /// The card.
    var card: Card
    /// The study-item key of each Anki card of the note, by template (cloze number − 1);
    /// cards without one (a custom note type's later templates) are skipped.
    var itemKeys: [Int: String]
    /// Media files the note refers to.
    var media: [String]
}
