/// An Anki note: its fields and tags.
struct AnkiNote: Sendable, Hashable {
    /// Anki's id.
    var id: Int64
    /// Its globally unique id (stable across exports: recall's card ids come from it).
    var guid: String
    /// Its note type's id.
    var notetypeID: Int64
    /// Its tags.
    var tags: [String]
    /// Its field values (HTML), in the note type's order.
    var fields: [String]
}
