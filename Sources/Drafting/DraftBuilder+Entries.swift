import Decks

extension DraftBuilder {
    /// The cards of a character or term entry: "Who is described here?" typed (the name or
    /// its short forms) and as a choice among the section's other names, and the reversed
    /// basic card name ↔ description.
    mutating func entryCards(_ entry: Entry, block: Block, index: Int) -> [Card] {
        let line = block.firstLine
        let source = block.text
        let quote = explanation(source)
        let masked = mask(entry.description, of: entry)
        let isPerson = block.section == .characters || lexicon.kind(of: entry.name) == .person
        let prompt = (isPerson ? "Who is described here? " : "What is described here? ") + masked
        var cards: [Card] = []
        if wants(.typed) {
            var answers = [entry.name]
            for form in entry.aliases + Lexicon.shortForms(of: entry.name)
            where !ambiguousForms.contains(form) && !CommonWords.contains(form.lowercased())
                && !answers.contains(where: { $0.lowercased() == form.lowercased() })
            {
                answers.append(form)
            }
            if let card = card(
                "typed", from: source, content: .typed(prompt: prompt, answers: answers), block: block, line: line,
                explanation: quote)
            {
                cards.append(card)
            }
        }
        if wants(.choice) {
            let others = groupNames(around: index)
            if !others.isEmpty,
                let card = card(
                    "choice", from: source,
                    content: .choice(prompt: prompt, choices: (others + [entry.name]).sorted(), answer: entry.name),
                    block: block, line: line, explanation: quote)
            {
                cards.append(card)
            }
        }
        if wants(.basic), masked != entry.name,
            let card = card(
                "basic", from: source, content: .basic(front: entry.name, back: masked, reverse: true), block: block,
                line: line, explanation: quote)
        {
            cards.append(card)
        }
        return cards
    }

    /// Up to three other names of the entry's section (the entries under the same
    /// headings), the ones after it first, sharing no word with it or each other.
    func groupNames(around index: Int) -> [String] {
        let headings = blocks[index].headings.map(\.line)
        let group = entryBlocks.sorted().filter { blocks[$0].headings.map(\.line) == headings }
        guard let position = group.firstIndex(of: index), let entry = blocks[index].entry else { return [] }
        var used = Lexicon.identifyingWords(of: entry.name)
        var names: [String] = []
        for step in 1..<max(group.count, 1) where names.count < 3 {
            guard let other = blocks[group[(position + step) % group.count]].entry else { continue }
            let words = Lexicon.identifyingWords(of: other.name)
            guard words.isDisjoint(with: used), other.name != entry.name else { continue }
            names.append(other.name)
            used.formUnion(words)
        }
        return names
    }

    /// The description with the entry's own name (and its short forms) blanked as `___`,
    /// so the question does not give the answer away.
    func mask(_ description: String, of entry: Entry) -> String {
        var words = Lexicon.identifyingWords(of: entry.name)
        for alias in entry.aliases { words.formUnion(Lexicon.identifyingWords(of: alias)) }
        let characters = Array(description)
        let tokens = Token.scan(characters)
        var result = ""
        var position = 0
        var lastWasBlank = false
        for token in tokens where words.contains(token.base.lowercased()) {
            let gap = String(characters[position..<token.start])
            if lastWasBlank, gap == " " {
                position = token.baseEnd
                continue
            }
            result += gap + "___"
            position = token.baseEnd
            lastWasBlank = true
        }
        result += String(characters[position...])
        return result
    }

    // MARK: Themes

    /// The theme a block's heading names: a heading like "Theme: memory", or a heading
    /// under a "Themes" heading.
    func themeName(of block: Block) -> String? {
        guard let heading = block.heading else { return nil }
        if let theme = heading.theme { return theme }
        guard heading.kind == nil, block.headings.dropLast().contains(where: { $0.kind == .themes }) else { return nil }
        return heading.text
    }

    /// The theme as it reads inside a question: title-case words lowercased unless they
    /// are names ("Love and Loss" → "love and loss", "The American Dream" stays).
    func themePhrase(_ theme: String) -> String {
        var words = theme.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            guard let first = word.first, first.isUppercaseLetter, word.dropFirst().allSatisfy({ !$0.isUppercase })
            else { continue }
            if !CommonWords.contains(word.lowercased()),
                lexicon.names.contains(where: { $0.split(separator: " ").contains(Substring(word)) })
            {
                continue
            }
            words[index] = word.lowercased()
        }
        return words.joined(separator: " ")
    }

    /// "How does the text treat THEME?" answered by the first sentences under its heading.
    mutating func themeCard(theme: String, heading: Heading, from index: Int) -> Card? {
        guard wants(.basic) else { return nil }
        var answer: [Sentence] = []
        var words = 0
        var blockIndex = index
        while blockIndex < blocks.count, blocks[blockIndex].heading?.line == heading.line, answer.count < 2 {
            for sentenceIndex in blockSentences[blockIndex] ?? 0..<0 where answer.count < 2 {
                let sentence = sentences[sentenceIndex]
                guard sentence.wordCount >= 4, words + sentence.wordCount <= 70 || answer.isEmpty else { break }
                answer.append(sentence)
                words += sentence.wordCount
            }
            blockIndex += 1
        }
        guard let first = answer.first else { return nil }
        let back = answer.map(\.text).joined(separator: " ")
        return card(
            "theme", from: theme + "\u{1F}" + back,
            content: .basic(front: "How does the text treat \(themePhrase(theme))?", back: back, reverse: false),
            block: blocks[index], line: first.line, explanation: explanation(back))
    }

    /// "How does the text treat THEME?" for an entry of a themes section.
    mutating func themeEntryCard(_ entry: Entry, block: Block) -> Card? {
        guard wants(.basic) else { return nil }
        return card(
            "theme", from: block.text,
            content: .basic(
                front: "How does the text treat \(themePhrase(entry.name))?", back: entry.description, reverse: false),
            block: block, line: block.firstLine, explanation: explanation(block.text))
    }
}
