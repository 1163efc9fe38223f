/// A paragraph, bullet item or entry line of a summary, with the headings it is under.
struct Block: Sendable {
    /// What sort of block it is.
    enum Kind: Sendable {
        /// Prose: lines joined until a blank line.
        case paragraph
        /// One item of a bulleted or numbered list.
        case bullet
        /// An entry line (bulleted or not).
        case entry(Entry)
    }

    /// What sort of block it is.
    var kind: Kind
    /// The text without markup, its lines joined with spaces.
    var text: String
    /// Where each source line starts in `text` (offsets in characters), with its number.
    var lineStarts: [(offset: Int, line: Int)]
    /// The headings it is under, outermost first.
    var headings: [Heading]
    /// Phrases set in italics (`*The Great Gatsby*`), taken as titles.
    var italics: [String]

    /// The line a character offset of `text` is on.
    func line(at offset: Int) -> Int {
        var result = lineStarts.first?.line ?? 1
        for start in lineStarts where start.offset <= offset { result = start.line }
        return result
    }

    /// The first line of the block.
    var firstLine: Int { lineStarts.first?.line ?? 1 }

    /// The entry, when the block is one.
    var entry: Entry? {
        if case .entry(let entry) = kind { return entry }
        return nil
    }

    /// The kind of section the block is in: the innermost heading that names one, else plot.
    var section: SectionKind {
        headings.last(where: { $0.kind != nil })?.kind ?? .plot
    }

    /// The innermost heading, if any.
    var heading: Heading? { headings.last }
}
