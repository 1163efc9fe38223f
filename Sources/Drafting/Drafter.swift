import Decks

/// Drafts a deck from a plot, character and theme summary.
///
/// Pure and deterministic: the same bytes and file name give the same deck, card for card.
/// Every card says where it came from (`location` is `line N (Heading)`, the explanation
/// quotes the line), is tagged with its headings and `draft`, and has an id made from its
/// kind and the text it was drawn from, so an unchanged sentence keeps its id (and its
/// progress) when the summary is drafted again.
public enum Drafter {
    /// The id of the one source every drafted card cites: the summary.
    public static let sourceID = "summary"

    /// Drafts a deck from the bytes of a summary file; `file` names it (its last path
    /// component becomes the source's title and, unless `options` say otherwise, the deck
    /// id).
    public static func draft(bytes: [UInt8], file: String, options: DraftOptions = DraftOptions()) throws(DraftError)
        -> Deck
    {
        let text = try SummaryText(bytes: bytes)
        let parser = SummaryParser(lines: text.lines)
        var builder = DraftBuilder(blocks: parser.blocks, title: parser.firstHeading?.text, options: options)
        let cards = builder.build()
        guard !cards.isEmpty else { throw .noUsableSentence }
        let fileName = Drafter.fileName(file)
        let title =
            options.title.map { SummaryText.clean($0).collapsingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
            ?? parser.firstHeading?.text ?? fileName
        return Deck(
            id: options.deckID ?? Drafter.deckID(forFile: file),
            title: title,
            description: "A draft from \(fileName) by recall draft: check every card before you study it.",
            tags: ["draft"],
            sources: [Source(id: sourceID, title: fileName)],
            cards: Drafter.limit(cards, to: options.maxCards))
    }

    /// Drafts a deck from text (for tests and tools).
    public static func draft(text: String, file: String, options: DraftOptions = DraftOptions()) throws(DraftError)
        -> Deck
    {
        try draft(bytes: Array(text.utf8), file: file, options: options)
    }

    /// The deck id for a summary file: the slug of its name without the extension
    /// (`The Great Gatsby.md` → `the-great-gatsby`), or `draft`.
    public static func deckID(forFile file: String) -> String {
        var name = fileName(file)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        let slug = Slug.make(name)
        return slug.isEmpty ? "draft" : slug
    }

    /// The last component of a path, cleaned of control characters.
    static func fileName(_ file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        let cleaned = SummaryText.clean(last).collapsingWhitespace
        return cleaned.isEmpty ? "summary" : cleaned
    }

    /// At most `limit` cards, spread evenly over the summary (in order).
    static func limit(_ cards: [Card], to limit: Int?) -> [Card] {
        guard let limit, limit < cards.count else { return cards }
        guard limit > 0 else { return [] }
        return (0..<limit).map { cards[$0 * cards.count / limit] }
    }
}
