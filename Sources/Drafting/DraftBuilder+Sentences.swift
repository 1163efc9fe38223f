import Decks

extension DraftBuilder {
    /// Words that, first in a sentence, point back to an earlier one: it cannot stand alone.
    private static let backReferences: Set<String> = ["this", "that", "these", "those", "it", "here", "there", "such"]
    /// Pronouns that leave a statement's subject unknown (true/false needs a named subject).
    private static let pronouns: Set<String> = ["he", "she", "they", "his", "her", "their", "its", "him", "them"]
    /// Words that tie a sentence to the one before it.
    static let connectives: Set<String> = [
        "however", "yet", "but", "despite", "so", "still", "also", "even", "instead", "its", "their", "as", "and",
        "then", "thus", "therefore", "meanwhile", "similarly", "likewise", "moreover", "furthermore", "nevertheless",
    ]
    /// Hedges: a sentence with one is the writer's opinion, not the book's content.
    static let hedges: Set<String> = ["perhaps", "possibly", "presumably", "maybe", "probably", "arguably"]
    /// First and second person: the summary's writer talking, not the book's content.
    private static let personal: Set<String> = [
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours",
    ]
    /// Verbs that introduce a quotation.
    static let speechVerbs: Set<String> = [
        "says", "said", "tells", "told", "asks", "asked", "replies", "replied", "answers", "answered", "explains",
        "explained", "declares", "declared", "exclaims", "exclaimed", "cries", "cried", "whispers", "whispered",
        "shouts", "shouted", "remarks", "remarked", "admits", "admitted", "insists", "insisted", "warns", "warned",
        "reminds", "reminded", "confesses", "confessed", "announces", "announced", "adds", "added", "writes", "wrote",
        "muses", "mused", "observes", "observed", "protests", "protested", "responds", "responded", "claims",
        "claimed", "promises", "promised", "begs", "begged", "pleads", "pleaded", "mutters", "muttered", "recalls",
        "recalled", "declares", "proclaims", "proclaimed", "calls", "called", "snaps", "snapped", "sighs", "sighed",
    ]

    /// Whether a sentence can stand alone as a card: 6 to 45 words, starts with a capital,
    /// ends like a sentence (or is a list item), is not a question, has no first or second
    /// person outside quotations, no link, and no cloze braces.
    func isUsable(_ index: Int) -> Bool {
        let sentence = sentences[index]
        guard (6...45).contains(sentence.wordCount) else { return false }
        guard let first = sentence.text.first, first.isUppercaseLetter || first.isNumber || "\"“‘'".contains(first)
        else { return false }
        let text = sentence.text
        if text.contains("{{") || text.contains("}}") || text.contains("http") || text.contains("www.") { return false }
        var end = Substring(text)
        while let last = end.last, "\"'”’)".contains(last) { end = end.dropLast() }
        if end.hasSuffix("?") || end.hasSuffix(":") { return false }
        let isItem = { if case .bullet = blocks[sentence.block].kind { return true } else { return false } }()
        if !isItem, !(end.hasSuffix(".") || end.hasSuffix("!")) && !blocks[sentence.block].isEntryBlock {
            return false
        }
        let quoted = terms[index].quoted
        for token in sentence.tokens where !quoted[token.start] {
            // "I’m", "we’ve", "you’re": the pronoun before the apostrophe.
            let lower = String(token.lower.split(whereSeparator: { $0 == "'" || $0 == "’" }).first ?? "")
            let text = String(token.text.split(whereSeparator: { $0 == "'" || $0 == "’" }).first ?? "")
            if lower == "i" {
                if text == "I" { return false }
                continue
            }
            if lower == "us", text != "us" { continue }  // the US
            if DraftBuilder.personal.contains(lower) || DraftBuilder.hedges.contains(lower) { return false }
        }
        if let first = sentence.tokens.first, DraftBuilder.backReferences.contains(first.lower) { return false }
        // Shouting (several words in capitals) is boilerplate, not a summary's statement.
        let shouted = sentence.tokens.filter { $0.text.count >= 2 && $0.text.allSatisfy { $0.isUppercaseLetter } }
        if shouted.count >= 3 { return false }
        // A sentence that is all quotation has no statement of its own to test.
        if sentence.tokens.filter({ !quoted[$0.start] }).count < 4 { return false }
        return true
    }

    /// The cards of one sentence: a cloze, a true statement and its false twin, and a
    /// "Who says …?" for a quotation with its speaker.
    mutating func sentenceCards(_ index: Int) -> [Card] {
        guard isUsable(index) else { return [] }
        let sentence = sentences[index]
        let block = blocks[sentence.block]
        var cards: [Card] = []
        let quote = explanation(sentence.text)
        if wants(.cloze), let text = clozeText(index),
            let card = card(
                "cloze", from: sentence.text, content: .cloze(text: text), block: block, line: sentence.line,
                explanation: quote)
        {
            cards.append(card)
        }
        if wants(.truefalse), let first = sentence.tokens.first, !DraftBuilder.pronouns.contains(first.lower),
            let twin = falseTwin(index)
        {
            if let card = card(
                "true", from: sentence.text, content: .trueFalse(statement: sentence.text, answer: true), block: block,
                line: sentence.line, explanation: explanation(sentence.text, prefix: "True. "))
            {
                cards.append(card)
            }
            if let card = card(
                "false", from: sentence.text, content: .trueFalse(statement: twin, answer: false), block: block,
                line: sentence.line, explanation: explanation(sentence.text, prefix: "False. "))
            {
                cards.append(card)
            }
        }
        if wants(.choice), let (prompt, speaker, choices) = speakerQuestion(index),
            let card = card(
                "quote", from: sentence.text, content: .choice(prompt: prompt, choices: choices, answer: speaker),
                block: block, line: sentence.line, explanation: quote)
        {
            cards.append(card)
        }
        return cards
    }

    // MARK: Cloze

    /// The sentence with its (at most two) key terms deleted, or nil when it has none.
    func clozeText(_ index: Int) -> String? {
        let sentence = sentences[index]
        var chosen: [KeyTerm] = []
        for term in terms[index].terms where chosen.count < 2 {
            guard !term.ranges.isEmpty, !term.text.contains("::") else { continue }
            // A term the sentence ends with in a short sentence would leave too little.
            if chosen.contains(where: { $0.text.lowercased() == term.text.lowercased() }) { continue }
            chosen.append(term)
        }
        guard !chosen.isEmpty else { return nil }
        // A common-looking word alone is a fair blank only in a sentence that says who or
        // what it is about, not one that leans on the sentence before ("She clings…").
        if chosen.allSatisfy({ $0.kind == .word }), let first = sentence.tokens.first?.lower,
            DraftBuilder.pronouns.contains(first) || DraftBuilder.connectives.contains(first)
        {
            return nil
        }
        // Never blank out most of the sentence.
        let blanked = chosen.flatMap(\.ranges).reduce(0) { $0 + $1.count }
        if blanked * 2 > sentence.characters.count { chosen.removeLast() }
        guard !chosen.isEmpty else { return nil }
        // Numbered in the order they first occur: c1 is the earlier blank.
        chosen.sort { ($0.ranges.first?.lowerBound ?? 0) < ($1.ranges.first?.lowerBound ?? 0) }
        var marks: [(range: Range<Int>, number: Int)] = []
        for (number, term) in chosen.enumerated() {
            for range in term.ranges { marks.append((range, number + 1)) }
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result = ""
        var position = 0
        for mark in marks {
            result += String(sentence.characters[position..<mark.range.lowerBound])
            result += "{{c\(mark.number)::" + String(sentence.characters[mark.range]) + "}}"
            position = mark.range.upperBound
        }
        result += String(sentence.characters[position...])
        guard (try? ClozeText(parsing: result)) != nil else { return nil }
        return result
    }

    // MARK: True or false

    /// The sentence with one number or name swapped for another of the same kind from the
    /// summary, or nil when there is nothing to swap.
    func falseTwin(_ index: Int) -> String? {
        let sentence = sentences[index]
        let found = terms[index]
        let seed = Int(truncatingIfNeeded: stableHash(sentence.text) & 0x7FFF_FFFF)
        // Numbers first: a changed number is plainly false.
        for number in found.numbers where !found.quoted[number.range.lowerBound] {
            let present = Set(sentence.tokens.map(\.lower))
            let candidates = (numbersByShape[number.shape] ?? []).filter { !present.contains($0.lowercased()) }
            guard !candidates.isEmpty else { continue }
            let replacement = candidates[seed % candidates.count]
            if let twin = replacing([number.range], in: sentence, with: replacement) { return twin }
        }
        // Then a person, then a place.
        let spans = lexicon.sentenceNames[index].filter {
            !excluded.contains($0.text) && !found.quoted[$0.start] && !lexicon.isAuthor($0.text)
        }
        let presentWords = spans.reduce(into: Set<String>()) { $0.formUnion(lexicon.words(of: $1.text)) }
        let gendered = sentence.tokens.contains { Lexicon.genderedPronouns[$0.lower] != nil }
        for kind in [NameKind.person, .place] {
            for span in spans where lexicon.kind(of: span.text) == kind {
                // The most used: people are swapped among the five the summary names most,
                // places among the three (a place named once is usually a side remark).
                let candidates = Array(
                    (kind == .person ? peopleByUse : placesByUse).lazy.filter {
                        self.lexicon.words(of: $0).isDisjoint(with: presentWords)
                            && (kind != .person || self.lexicon.sameGender($0, span.text, strict: gendered))
                    }
                    .prefix(kind == .person ? 5 : 3))
                guard !candidates.isEmpty else { continue }
                // The candidate least often named alongside the sentence's content words
                // elsewhere, so that the twin is unlikely to be true after all ("Daisy
                // attends a party" when another sentence says she does).
                let stems = self.stems[index]
                // A place: the most used other one (a place named once is a side remark).
                let rotated = (0..<candidates.count).map { candidates[($0 + seed) % candidates.count] }
                let scores = rotated.map { overlap($0, stems, except: index) }
                let best = scores.indices.min { scores[$0] < scores[$1] } ?? 0
                let replacement = kind == .place ? candidates[0] : rotated[best]
                let ranges = spans.filter { $0.text == span.text }.map { $0.start..<$0.end }
                if let twin = replacing(ranges, in: sentence, with: replacement) { return twin }
            }
        }
        return nil
    }

    /// The sentence with `ranges` replaced, unless that gives a sentence of the summary.
    private func replacing(_ ranges: [Range<Int>], in sentence: Sentence, with replacement: String) -> String? {
        var result = ""
        var position = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            var replacement = replacement
            // A number word first in the sentence takes a capital.
            if range.lowerBound == 0, let first = replacement.first, first.isLowercase {
                replacement = first.uppercased() + replacement.dropFirst()
            }
            result += String(sentence.characters[position..<range.lowerBound]) + replacement
            position = range.upperBound
        }
        result += String(sentence.characters[position...])
        guard result != sentence.text, !sentenceTexts.contains(result) else { return nil }
        return result
    }

    // MARK: Quotations

    /// "Who says “…”?" for a sentence quoting someone it names with a verb of speech, with
    /// the speaker and other people of the summary as choices.
    func speakerQuestion(_ index: Int) -> (prompt: String, speaker: String, choices: [String])? {
        let sentence = sentences[index]
        let found = terms[index]
        guard let quotation = found.quotations.first else { return nil }
        let outside = sentence.tokens.filter { !found.quoted[$0.start] }
        guard let verb = outside.first(where: { DraftBuilder.speechVerbs.contains($0.lower) }) else { return nil }
        let people = lexicon.sentenceNames[index].filter {
            !found.quoted[$0.start] && lexicon.kind(of: $0.text) == .person && !excluded.contains($0.text)
                && !lexicon.isAuthor($0.text)
        }
        // The speaker: the name right before the verb ("…, Tommy says"), else the sentence's
        // first person before it (its subject), else the name right after it ("says Nick").
        let before = people.filter { $0.end <= verb.start }
        let adjacent = before.last.flatMap { span in
            String(sentence.characters[span.end..<verb.start]).allSatisfy(\.isWhitespace) ? span : nil
        }
        guard let speaker = adjacent ?? before.first ?? people.first(where: { $0.start >= verb.end }) else {
            return nil
        }
        var quote = String(sentence.characters[quotation]).trimmed
        let words = quote.split(separator: " ")
        if words.count > 30 { quote = words.prefix(30).joined(separator: " ") + " …" }
        let speakerWords = lexicon.words(of: speaker.text)
        let quoteWords = Set(Heading.words(quote))
        guard speakerWords.isDisjoint(with: quoteWords) else { return nil }
        let distractors = peopleByUse.filter { lexicon.words(of: $0).isDisjoint(with: speakerWords) }
        var picked: [String] = []
        var pickedWords: Set<String> = []
        for name in distractors where picked.count < 3 {
            let nameWords = lexicon.words(of: name)
            guard nameWords.isDisjoint(with: pickedWords) else { continue }
            picked.append(name)
            pickedWords.formUnion(nameWords)
        }
        guard !picked.isEmpty else { return nil }
        return ("Who says “\(quote)”?", speaker.text, (picked + [speaker.text]).sorted())
    }

    /// How many other sentences name `name` together with one of `stems`, plus those of
    /// the same paragraph (whose people likely share its events).
    func overlap(_ name: String, _ stems: Set<Substring>, except index: Int) -> Int {
        var count = 0
        for other in sentencesOfName[name] ?? [] where other != index {
            if sentences[other].block == sentences[index].block { count += 1 }
            if !self.stems[other].isDisjoint(with: stems) { count += 1 }
        }
        return count
    }

    /// A hash that is the same on every run (unlike `Hasher`).
    func stableHash(_ text: String) -> UInt64 {
        var hash = FNV1a64()
        hash.combine(field: text)
        return hash.value
    }
}

extension Block {
    /// Whether the block is an entry line.
    var isEntryBlock: Bool { entry != nil }
}
