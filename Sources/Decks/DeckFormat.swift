/// The fields of deck format version 1, as the validator and the schema know them.
public enum DeckFormat {
    /// The only format version so far (the deck's `format` field).
    public static let version = 1

    /// The deck's top-level fields. `$schema` (a string, ignored) lets editors find the
    /// JSON Schema.
    public static let deckFields = ["$schema", "format", "id", "title", "description", "tags", "sources", "cards"]
    /// The top-level fields a deck must have.
    public static let requiredDeckFields = ["format", "id", "title", "description", "sources", "cards"]
    /// The fields of a source.
    public static let sourceFields = ["id", "title", "author", "site", "date", "url"]
    /// The fields a source must have.
    public static let requiredSourceFields = ["id", "title"]
    /// The fields every card may have, whatever its type.
    public static let commonCardFields = ["id", "type", "tags", "hint", "explanation", "source", "location"]
    /// The card types, in the order they are documented.
    public static let cardTypes = ["basic", "typed", "choice", "truefalse", "cloze"]

    /// The fields specific to a card type (nil for an unknown type).
    public static func fields(ofType type: String) -> [String]? {
        switch type {
        case "basic": ["front", "back", "reverse"]
        case "typed": ["prompt", "answers"]
        case "choice": ["prompt", "choices", "answer"]
        case "truefalse": ["statement", "answer"]
        case "cloze": ["text"]
        default: nil
        }
    }

    /// The smallest and largest number of choices of a `choice` card.
    public static let choiceCount = 2...8
}
