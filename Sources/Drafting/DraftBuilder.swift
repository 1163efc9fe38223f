import Decks

/// Turns a parsed summary into cards: one pass to learn the summary's names and numbers,
/// one to draft each block's cards in order.
struct DraftBuilder {
    let blocks: [Block]
    let options: DraftOptions
    /// Names never asked: those of several words in the summary's title (the book, its author).
    let excluded: Set<String>
    /// The sentences of every prose block.
    var sentences: [Sentence] = []
    /// The index of the first sentence of each block in `sentences` (prose blocks only).
    var blockSentences: [Int: Range<Int>] = [:]
    /// Entry blocks that are drafted as entries (the others are read as prose).
    var entryBlocks: Set<Int> = []
    var lexicon: Lexicon
    /// Every sentence's text, to keep a false statement from being one the summary makes.
    var sentenceTexts: Set<String> = []
    /// The numbers of the summary by shape, in order of first use.
    var numbersByShape: [NumberShape: [String]] = [:]
    /// The terms of each sentence.
    var terms: [SentenceTerms] = []
    /// The sentences naming each candidate of a false statement (by any of its words).
    var sentencesOfName: [String: [Int]] = [:]
    /// Each sentence's content stems: the first four letters of its lowercase words that are
    /// not common.
    var stems: [Set<Substring>] = []
    /// The people and the places that false statements may swap in, most used first
    /// (never the title's names or the author).
    var peopleByUse: [String] = []
    var placesByUse: [String] = []
    /// The sentences each name word is in (identifying words, lowercase: `jordan`), by index.
    var sentencesNaming: [String: [Int]] = [:]
    /// Card ids used so far.
    var usedIDs: Set<String> = []
    /// Short forms shared by two entries (too ambiguous to accept as an answer).
    var ambiguousForms: Set<String> = []

    init(blocks: [Block], title: String?, options: DraftOptions) {
        self.blocks = blocks
        self.options = options
        // Entries: in characters, terms and themes sections always; elsewhere only in a
        // list of two or more.
        var entries: [(entry: Entry, section: SectionKind)] = []
        for (index, block) in blocks.enumerated() {
            guard let entry = block.entry else { continue }
            let section = block.section
            let neighbour = { (other: Int) -> Bool in
                guard blocks.indices.contains(other), blocks[other].entry != nil else { return false }
                return blocks[other].headings.map(\.line) == block.headings.map(\.line)
            }
            if section != .plot || neighbour(index - 1) || neighbour(index + 1) {
                entryBlocks.insert(index)
                entries.append((entry, section))
            }
        }
        // Sentences of prose blocks, and of theme entries' descriptions.
        for (index, block) in blocks.enumerated() {
            var split: [Sentence]
            if entryBlocks.contains(index) {
                guard block.section == .themes, let entry = block.entry else { continue }
                let offset = block.text.count - entry.description.count
                var descriptionBlock = block
                descriptionBlock.text = entry.description
                descriptionBlock.lineStarts = block.lineStarts.map { (max(0, $0.offset - offset), $0.line) }
                split = SentenceSplitter.split(descriptionBlock, index: index)
            } else {
                split = SentenceSplitter.split(block, index: index)
            }
            blockSentences[index] = sentences.count..<(sentences.count + split.count)
            sentences += split
        }
        lexicon = Lexicon(sentences: sentences, entries: entries)
        var excluded: Set<String> = []
        if let title {
            for name in lexicon.names where name.contains(" ") && title.contains(name) { excluded.insert(name) }
        }
        self.excluded = excluded
        sentenceTexts = Set(sentences.map(\.text))
        let lexicon = lexicon
        let excludedNames = excluded
        let byUse = lexicon.names.enumerated().filter {
            !excludedNames.contains($0.element) && !lexicon.isAuthor($0.element)
        }
        .sorted { left, right in
            let (a, b) = (lexicon.count(of: left.element), lexicon.count(of: right.element))
            return a != b ? a > b : left.offset < right.offset
        }
        .map(\.element).filter { !lexicon.words(of: $0).isEmpty }
        peopleByUse = byUse.filter { lexicon.kind(of: $0) == .person }
        placesByUse = byUse.filter { lexicon.kind(of: $0) == .place }
        for (index, names) in lexicon.sentenceNames.enumerated() {
            let words = names.reduce(into: Set<String>()) { $0.formUnion(lexicon.words(of: $1.text)) }
            for word in words { sentencesNaming[word, default: []].append(index) }
        }
        terms.reserveCapacity(sentences.count)
        for (index, sentence) in sentences.enumerated() {
            let found = SentenceTerms(
                sentence: sentence, names: lexicon.sentenceNames[index], italics: blocks[sentence.block].italics,
                excluded: excluded, lexicon: lexicon)
            for number in found.numbers {
                // Number words are kept lowercase ("Three days later" → "three").
                let text = number.text.first?.isLetter == true ? number.text.lowercased() : number.text
                if !(numbersByShape[number.shape]?.contains(text) ?? false) {
                    numbersByShape[number.shape, default: []].append(text)
                }
            }
            terms.append(found)
        }
        for name in peopleByUse + placesByUse {
            sentencesOfName[name] = Set(lexicon.words(of: name).flatMap { sentencesNaming[$0] ?? [] }).sorted()
        }
        stems = sentences.map { sentence in
            Set(
                sentence.tokens.filter { !$0.isCapitalized && $0.text.count >= 4 && !CommonWords.contains($0.lower) }
                    .map { $0.lower.prefix(4) })
        }
        var formOwners: [String: Int] = [:]
        for (entry, _) in entries {
            // A short form is ambiguous when two entries share it, or it is another entry's
            // whole name ("Macbeth" for Lady Macbeth).
            for form in Set(Lexicon.shortForms(of: entry.name) + entry.aliases + [entry.name]) {
                formOwners[form, default: 0] += 1
            }
        }
        ambiguousForms = Set(formOwners.filter { $0.value > 1 }.map(\.key))
    }

    /// Every card, in summary order.
    mutating func build() -> [Card] {
        var cards: [Card] = []
        var themedHeadings: Set<Int> = []
        for (index, block) in blocks.enumerated() {
            // A theme heading's basic card comes before the first block under it.
            if let heading = block.heading, let theme = themeName(of: block), !themedHeadings.contains(heading.line),
                !entryBlocks.contains(index)
            {
                themedHeadings.insert(heading.line)
                if let card = themeCard(theme: theme, heading: heading, from: index) { cards.append(card) }
            }
            if entryBlocks.contains(index), let entry = block.entry {
                if block.section == .themes {
                    if let card = themeEntryCard(entry, block: block) { cards.append(card) }
                } else {
                    cards += entryCards(entry, block: block, index: index)
                    continue
                }
            }
            for sentenceIndex in blockSentences[index] ?? 0..<0 {
                cards += sentenceCards(sentenceIndex)
            }
        }
        return cards
    }

    // MARK: Common parts

    /// Whether a card type is wanted.
    func wants(_ type: DraftCardType) -> Bool { options.types.contains(type) }

    /// The tags of a block's cards: its headings' tags, its section's kind, then `draft`.
    func tags(for block: Block) -> [String] {
        var tags: [String] = []
        for heading in block.headings {
            for tag in heading.tags where !tags.contains(tag) { tags.append(tag) }
        }
        let section = block.section.rawValue
        if !tags.contains(section) { tags.append(section) }
        tags.append("draft")
        return tags
    }

    /// `line N (Heading)`.
    func location(line: Int, block: Block) -> String {
        guard let heading = block.heading else { return "line \(line)" }
        var text = heading.text
        if text.count > 60 {
            text = String(text.prefix(60))
            if let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
            text += "…"
        }
        return "line \(line) (\(text))"
    }

    /// The explanation that quotes where a card came from.
    func explanation(_ quote: String, prefix: String = "") -> String {
        prefix + "The summary says: “" + quote + "”"
    }

    /// A card id from a kind and the text it was drawn from: `cloze-3f2a9c1b04d7`.
    mutating func cardID(_ kind: String, _ source: String) -> String? {
        var hash = FNV1a64()
        hash.combine(field: kind)
        hash.combine(field: source.collapsingWhitespace)
        let id = kind + "-" + String(hash.hexDigest.prefix(12))
        guard !usedIDs.contains(id) else { return nil }
        usedIDs.insert(id)
        return id
    }

    /// A card with the common fields filled in.
    mutating func card(
        _ kind: String, from source: String, content: CardContent, block: Block, line: Int, explanation: String
    ) -> Card? {
        guard let id = cardID(kind, source) else { return nil }
        return Card(
            id: id, content: content, tags: tags(for: block), explanation: explanation, source: Drafter.sourceID,
            location: location(line: line, block: block))
    }
}
