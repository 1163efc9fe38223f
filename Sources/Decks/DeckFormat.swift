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
        case "basic": basicFields
        case "typed": typedFields
        case "choice": choiceFields
        case "truefalse": trueFalseFields
        case "cloze": clozeFields
        default: nil
        }
    }

    /// The fields a card of this type must have, besides `id` and `type` (nil for an
    /// unknown type).
    public static func requiredFields(ofType type: String) -> [String]? {
        switch type {
        case "basic": requiredBasicFields
        case "typed": typedFields
        case "choice": choiceFields
        case "truefalse": trueFalseFields
        case "cloze": clozeFields
        default: nil
        }
    }

    /// Every field a card of this type may have: the common ones and its own (for an
    /// unknown type, the fields of every type).
    static func allowedCardFields(ofType type: String?) -> [String] {
        switch type {
        case "basic": allowedBasicFields
        case "typed": allowedTypedFields
        case "choice": allowedChoiceFields
        case "truefalse": allowedTrueFalseFields
        case "cloze": allowedClozeFields
        default: allowedAnyCardFields
        }
    }

    // Built once: the validator looks these up for every card.
    private static let basicFields = ["front", "back", "reverse"]
    private static let requiredBasicFields = ["front", "back"]
    private static let typedFields = ["prompt", "answers"]
    private static let choiceFields = ["prompt", "choices", "answer"]
    private static let trueFalseFields = ["statement", "answer"]
    private static let clozeFields = ["text"]
    private static let allowedBasicFields = commonCardFields + basicFields
    private static let allowedTypedFields = commonCardFields + typedFields
    private static let allowedChoiceFields = commonCardFields + choiceFields
    private static let allowedTrueFalseFields = commonCardFields + trueFalseFields
    private static let allowedClozeFields = commonCardFields + clozeFields
    private static let allowedAnyCardFields: [String] = {
        var fields = commonCardFields
        for field in basicFields + typedFields + choiceFields + trueFalseFields + clozeFields
        where !fields.contains(field) {
            fields.append(field)
        }
        return fields
    }()

    /// The smallest and largest number of choices of a `choice` card.
    public static let choiceCount = 2...8
}
