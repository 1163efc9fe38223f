/// What an export wrote.
public struct AnkiExportSummary: Sendable, Hashable {
    /// Decks (one Anki deck each).
    public var decks = 0
    /// Notes (one per recall card).
    public var notes = 0
    /// Anki cards (one per study item).
    public var cards = 0
    /// Review-log rows.
    public var reviews = 0
    /// Media files.
    public var media = 0
    /// Answers not exported: practice answers and manual changes, which Anki has no row for.
    public var skippedAnswers = 0

    /// The one-line summary.
    public var line: String {
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        var text = [
            count(decks, "deck", "decks"), count(notes, "note", "notes"), count(cards, "card", "cards"),
            count(reviews, "review", "reviews"), count(media, "media file", "media files"),
        ].joined(separator: ", ")
        if skippedAnswers > 0 {
            text += "; skipped: \(skippedAnswers) practice answers and manual changes (Anki has no row for them)"
        }
        return text
    }
}
