/// Finds a sentence's key terms and quotations.
struct SentenceTerms {
    /// The key terms, in the order clozes prefer them (names, numbers, titles, a rare word).
    var terms: [KeyTerm] = []
    /// The numbers, with their shapes.
    var numbers: [(text: String, shape: NumberShape, range: Range<Int>)] = []
    /// Quotations of five words or more, as ranges of their inner text.
    var quotations: [Range<Int>] = []
    /// For each character, whether it is inside quotation marks.
    var quoted: [Bool]

    /// Finds the terms of `sentence`, whose names are `names`; `italics` are the phrases set
    /// in italics in its block; `excluded` are names never asked (the summary's title).
    init(sentence: Sentence, names: [NameSpan], italics: [String], excluded: Set<String>, lexicon: Lexicon) {
        let characters = sentence.characters
        quoted = SentenceTerms.quoteMask(characters)
        var taken = [Bool](repeating: false, count: characters.count)
        func free(_ range: Range<Int>) -> Bool { !range.contains { taken[$0] } }
        func take(_ range: Range<Int>) { for index in range { taken[index] = true } }

        // A title in quotes or italics is asked whole: names inside it are not asked apart.
        var reserved = [Bool](repeating: false, count: characters.count)
        for pair in SentenceTerms.quotePairs(characters) {
            let inner = characters[(pair.lowerBound + 1)..<(pair.upperBound - 1)].split(separator: " ")
            if inner.count < 5 || SentenceTerms.isTitleCase(inner) { for index in pair { reserved[index] = true } }
        }
        for phrase in italics where !phrase.isEmpty {
            if let found = sentence.text.firstRange(of: phrase) {
                let start = sentence.text.distance(from: sentence.text.startIndex, to: found.lowerBound)
                for index in start..<min(characters.count, start + phrase.count) { reserved[index] = true }
            }
        }
        // Names, in order of appearance, each with all its uses.
        var seen: Set<String> = []
        for span in names where !seen.contains(span.text) && !excluded.contains(span.text) {
            seen.insert(span.text)
            let ranges = names.filter { $0.text == span.text }.map { $0.start..<$0.end }.filter(free)
                .filter { range in !range.contains { reserved[$0] } }
            guard !ranges.isEmpty else { continue }
            ranges.forEach(take)
            terms.append(KeyTerm(text: span.text, kind: .name, ranges: ranges))
        }
        // Numbers.
        let tokens = sentence.tokens
        for (index, token) in tokens.enumerated() {
            guard let shape = NumberShape(token.text) else { continue }
            if shape == .ordinalWord || shape == .cardinalWord {
                // Words count only before a noun-like word: "third donation", "two friends".
                guard index + 1 < tokens.count, !tokens[index + 1].isCapitalized,
                    !["of", "and", "or", "to", "in", "is", "was"].contains(tokens[index + 1].lower)
                else { continue }
            }
            let range = token.start..<token.end
            numbers.append((token.text, shape, range))
            guard free(range), !quoted[token.start] else { continue }
            take(range)
            terms.append(KeyTerm(text: token.text, kind: .number, ranges: [range]))
        }
        // Titles in italics, then short phrases in quotes.
        let text = sentence.text
        for phrase in italics where !phrase.isEmpty {
            guard let found = text.firstRange(of: phrase) else { continue }
            let start = text.distance(from: text.startIndex, to: found.lowerBound)
            let range = start..<(start + phrase.count)
            guard free(range) else { continue }
            take(range)
            terms.append(KeyTerm(text: phrase, kind: .title, ranges: [range]))
        }
        for pair in SentenceTerms.quotePairs(characters) {
            let inner = (pair.lowerBound + 1)..<(pair.upperBound - 1)
            let split = characters[inner].split(separator: " ")
            let words = split.count
            // A title in quotes ("The Remains of the Day") is Title Case; a quotation is not.
            if words >= 5 && !SentenceTerms.isTitleCase(split) {
                quotations.append(inner)
                continue
            }
            guard !inner.isEmpty, free(inner) else { continue }
            var phrase = String(characters[inner])
            // A quoted term keeps its closing punctuation outside the deletion.
            while let last = phrase.last, ",.;:!?".contains(last) { phrase.removeLast() }
            guard phrase.contains(where: \.isLetter), !phrase.trimmed.isEmpty, phrase == phrase.trimmed else {
                continue
            }
            let range = inner.lowerBound..<(inner.lowerBound + phrase.count)
            take(range)
            terms.append(KeyTerm(text: phrase, kind: .title, ranges: [range]))
        }
        // The rarest content word, only when there is no other key term: of the words that
        // are not common, the one the summary uses least, but at least three times (a key
        // word of the summary: a word used once or twice is mostly incidental, and many
        // others would fit its blank), not an adverb or a participle.
        var best: (token: Token, frequency: Int)?
        for token in tokens
        where terms.isEmpty && !token.isCapitalized && token.text.count >= 4 && token.text.allSatisfy(\.isLetter) {
            let lower = token.lower
            guard !CommonWords.contains(lower), !lower.hasSuffix("ly"), !lower.hasSuffix("ing"), !lower.hasSuffix("ed"),
                free(token.start..<token.end), !quoted[token.start]
            else { continue }
            let frequency = lexicon.frequency[lower] ?? 1
            guard frequency >= 3 else { continue }
            if let current = best {
                if frequency < current.frequency
                    || (frequency == current.frequency && token.text.count > current.token.text.count)
                {
                    best = (token, frequency)
                }
            } else {
                best = (token, frequency)
            }
        }
        if let word = best?.token {
            let ranges = tokens.filter { $0.lower == word.lower }.map { $0.start..<$0.end }.filter(free)
            terms.append(KeyTerm(text: word.text, kind: .word, ranges: ranges))
        }
        terms.sort { $0.kind < $1.kind }  // stable: names in order, then numbers, titles, the word
    }

    /// Whether quoted words are a title: at most eight, each capitalised or a small word
    /// ("The Remains of the Day").
    static func isTitleCase(_ words: [ArraySlice<Character>]) -> Bool {
        words.count <= 8
            && words.allSatisfy { word in
                word.first?.isUppercaseLetter == true
                    || ["a", "an", "and", "in", "on", "at", "of", "the", "to", "for"].contains(String(word))
            }
    }

    /// Pairs of quotation marks, as ranges including the marks: “…”, "…", ‘…’ and '…'
    /// (an apostrophe inside a word is not a quotation mark).
    static func quotePairs(_ characters: [Character]) -> [Range<Int>] {
        var pairs: [Range<Int>] = []
        var index = 0
        let count = characters.count
        func isOpening(_ at: Int) -> Bool {
            let before: Character? = at > 0 ? characters[at - 1] : nil
            let after: Character? = at + 1 < count ? characters[at + 1] : nil
            return (before.map { $0.isWhitespace || "([—–-".contains($0) } ?? true)
                && (after.map { !$0.isWhitespace } ?? false)
        }
        func isClosing(_ at: Int) -> Bool {
            let after: Character? = at + 1 < count ? characters[at + 1] : nil
            return after.map { !($0.isLetter || $0.isNumber) } ?? true
        }
        while index < count {
            let character = characters[index]
            let closers: [Character]
            switch character {
            case "“": closers = ["”"]
            case "\"": closers = ["\""]
            case "‘": closers = ["’"]
            case "'": closers = ["'"]
            default:
                index += 1
                continue
            }
            guard character == "“" || isOpening(index) else {
                index += 1
                continue
            }
            var end = index + 1
            var found: Int?
            while end < count {
                if closers.contains(characters[end]), end > index + 1, isClosing(end) {
                    found = end
                    break
                }
                end += 1
            }
            if let close = found {
                pairs.append(index..<(close + 1))
                index = close + 1
            } else {
                index += 1
            }
        }
        return pairs
    }

    /// For each character, whether it is inside a quotation (any kind of quotation marks).
    static func quoteMask(_ characters: [Character]) -> [Bool] {
        var mask = [Bool](repeating: false, count: characters.count)
        for pair in quotePairs(characters) {
            for index in pair { mask[index] = true }
        }
        return mask
    }
}
