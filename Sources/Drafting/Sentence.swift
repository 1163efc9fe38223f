/// One sentence of a block, with where it came from.
struct Sentence: Sendable {
    /// The sentence as written (markup stripped, white space collapsed).
    var text: String
    /// The line it starts on.
    var line: Int
    /// The index of its block in the document.
    var block: Int
    /// Its characters, for scanning.
    var characters: [Character]
    /// Its word and number tokens.
    var tokens: [Token]

    /// Creates a sentence and tokenises it.
    init(text: String, line: Int, block: Int) {
        self.text = text
        self.line = line
        self.block = block
        characters = Array(text)
        tokens = Token.scan(characters)
    }

    /// The number of words.
    var wordCount: Int { tokens.count }
}

/// Splits a block's text into sentences.
enum SentenceSplitter {
    /// Abbreviations after which a full stop does not end a sentence.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "rev", "gen", "col", "capt", "lt", "sgt", "mt", "vs", "cf",
        "p", "pp", "ch", "vol", "no", "fig", "ed", "eds", "approx", "ca", "c", "esq", "hon", "fr", "sen", "rep", "gov",
    ]

    /// The sentences of `block` (index `blockIndex`), each with its first line.
    static func split(_ block: Block, index blockIndex: Int) -> [Sentence] {
        let characters = Array(block.text)
        let count = characters.count
        let inQuote = quoteInteriors(characters)
        var sentences: [Sentence] = []
        var start = 0
        func emit(_ end: Int) {
            let text = String(characters[start..<end]).collapsingWhitespace
            if !text.isEmpty {
                var first = start
                while first < end, characters[first].isWhitespace { first += 1 }
                sentences.append(Sentence(text: text, line: block.line(at: first), block: blockIndex))
            }
        }
        var index = 0
        while index < count {
            let character = characters[index]
            var boundary: Int?
            if character.isOne(of: Character.sentenceEnds), !inQuote[index] {
                boundary = index + 1
            } else if character.isOne(of: [0x201D, 0x22]), index > 0,
                characters[index - 1].isOne(of: Character.sentenceEnds),
                inQuote[index - 1]
            {
                boundary = index + 1
            }
            guard var end = boundary else {
                index += 1
                continue
            }
            while end < count, characters[end].isOne(of: Character.closers) {
                end += 1
            }
            if end >= count { break }
            guard characters[end].isWhitespace else {
                index += 1
                continue
            }
            var next = end
            while next < count, characters[next].isWhitespace { next += 1 }
            guard next < count else { break }
            let following = characters[next]
            guard following.isUppercaseLetter || following.isNumber || following.isOne(of: Character.openers) else {
                index += 1
                continue
            }
            if character == ".", isAbbreviation(characters, before: index) {
                index += 1
                continue
            }
            emit(end)
            start = next
            index = next
        }
        emit(count)
        return sentences
    }

    /// Whether the word before the full stop at `index` is an abbreviation or an initial.
    private static func isAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var start = index
        while start > 0, characters[start - 1].isLetter || characters[start - 1] == "." { start -= 1 }
        let word = String(characters[start..<index])
        if word.isEmpty { return false }
        if word.contains(".") { return true }  // e.g, i.e
        if word.count == 1, let letter = word.first, letter.isUppercaseLetter { return true }  // Kathy H.
        return abbreviations.contains(word.lowercased())
    }

    /// For each character, whether it is inside a closed double quotation (“…” or "…").
    static func quoteInteriors(_ characters: [Character]) -> [Bool] {
        var result = [Bool](repeating: false, count: characters.count)
        var open: Int?
        for (index, character) in characters.enumerated() {
            switch character {
            case "“":
                open = index
            case "”":
                if let start = open {
                    for inner in (start + 1)..<index { result[inner] = true }
                    open = nil
                }
            case "\"":
                if let start = open, characters[start] == "\"" {
                    for inner in (start + 1)..<index { result[inner] = true }
                    open = nil
                } else if open == nil {
                    let before: Character? = index > 0 ? characters[index - 1] : nil
                    if before.map({ $0.isWhitespace || "([—–-:".contains($0) }) ?? true { open = index }
                }
            default:
                continue
            }
        }
        return result
    }
}
