/// An Anki note type: its fields and card templates.
struct AnkiNotetype: Sendable, Hashable {
    /// The stock note type a note type was made from (`OriginalStockKind`; 0 is unknown).
    enum StockKind: Int, Sendable {
        case basic = 1
        case basicAndReversed = 2
        case basicOptionalReversed = 3
        case basicTyping = 4
        case cloze = 5
        case imageOcclusion = 6
    }

    /// One card template.
    struct Template: Sendable, Hashable {
        /// Its name.
        var name: String
        /// The front (question) format.
        var front: String
        /// The back (answer) format.
        var back: String
    }

    /// Anki's id.
    var id: Int64
    /// Its name ("Basic", "Cloze", ...).
    var name: String
    /// Whether it is a cloze note type.
    var isCloze: Bool
    /// The stock kind it was made from, when Anki recorded one (2.1.62 and later; 0 also means none).
    var stockKind: StockKind?
    /// Field names, in order.
    var fields: [String]
    /// Card templates, in order (a card's `ord` indexes them; cloze note types have one).
    var templates: [Template]
}
