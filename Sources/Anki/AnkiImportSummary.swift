/// What an import brought in, and what it left out and why.
public struct AnkiImportSummary: Sendable, Hashable {
    /// The deck files written, in order.
    public var deckFiles: [String] = []
    /// Decks written.
    public var decks = 0
    /// Notes imported (one recall card each).
    public var notes = 0
    /// Study items (a card, its reverse, each cloze deletion).
    public var items = 0
    /// Reviews added to the store.
    public var reviews = 0
    /// Media files written.
    public var media = 0
    /// What was skipped, by reason, with counts.
    public var skipped: [String: Int] = [:]
    /// Warnings (one per custom note type, settings that could not be kept, …).
    public var warnings: [String] = []

    /// The one-line summary: `2 decks, 9 notes, 12 study items, 11 reviews, 2 media files; skipped: …`.
    public var line: String {
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        var text = [
            count(decks, "deck", "decks"), count(notes, "note", "notes"), count(items, "study item", "study items"),
            count(reviews, "review", "reviews"), count(media, "media file", "media files"),
        ].joined(separator: ", ")
        if !skipped.isEmpty {
            text +=
                "; skipped: "
                + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
        return text
    }

    mutating func skip(_ reason: String, _ count: Int = 1) {
        guard count > 0 else { return }
        skipped[reason, default: 0] += count
    }
}
