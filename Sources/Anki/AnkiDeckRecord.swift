/// An Anki deck as its collection keeps it.
struct AnkiDeckRecord: Sendable, Hashable {
    /// Anki's id.
    var id: Int64
    /// Its full name, parts joined by `::` ("Lit::Novel::Part 1").
    var name: String
    /// The id of its deck options (`nil` for a filtered deck).
    var optionsID: Int64?
    /// Its own desired retention, overriding its options' (Anki 24.11 and later).
    var desiredRetention: Double?
    /// Its description (HTML).
    var description: String
}
