/// An Anki card: one template of a note, with its schedule.
struct AnkiCard: Sendable, Hashable {
    /// Anki's id.
    var id: Int64
    /// Its note's id.
    var noteID: Int64
    /// Its deck's id (its home deck when `originalDeckID` is set).
    var deckID: Int64
    /// The template (or cloze number minus one) it is.
    var ord: Int
    /// 0 new, 1 learning, 2 review, 3 relearning.
    var type: Int
    /// -3/-2 buried, -1 suspended, 0 new, 1 learning, 2 review, 3 day learning, 4 preview.
    var queue: Int
    /// New: position; learning (queue 1): Unix seconds; review and day learning: days from the collection's creation.
    var due: Int64
    /// Interval in days (review cards).
    var interval: Int
    /// SM-2 ease in permille.
    var factor: Int
    /// Reviews.
    var reps: Int
    /// Lapses.
    var lapses: Int
    /// Learning steps left (the remainder modulo 1000).
    var left: Int
    /// The due value in its home deck, while in a filtered deck.
    var originalDue: Int64
    /// Its home deck, while in a filtered deck (0 otherwise).
    var originalDeckID: Int64
    /// Extra JSON: FSRS memory state `s`, `d`, last review `lrt`.
    var data: String
}
