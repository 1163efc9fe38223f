/// One card of a deck, as written in the deck file.
///
/// A card can yield more than one thing to study: a `basic` card with `reverse` is asked
/// both ways, and each distinct `cN` of a cloze card is asked on its own (see `StudyItem`).
public struct Card: Sendable, Hashable {
    /// The card's slug, unique in its deck and stable forever: progress is keyed by it.
    public var id: String
    /// What kind of question it is, with its type-specific fields.
    public var content: CardContent
    /// Free-form tags.
    public var tags: [String]
    /// A nudge shown on request before answering.
    public var hint: String?
    /// Shown after the answer: why it is so, tied back to the text.
    public var explanation: String?
    /// The id of one of the deck's sources.
    public var source: String?
    /// Where in the source, such as "p. 271" or "Chapter 7".
    public var location: String?

    /// Creates a card from its parts.
    public init(
        id: String, content: CardContent, tags: [String] = [], hint: String? = nil,
        explanation: String? = nil, source: String? = nil, location: String? = nil
    ) {
        self.id = id
        self.content = content
        self.tags = tags
        self.hint = hint
        self.explanation = explanation
        self.source = source
        self.location = location
    }
}
