/// A word or number of a sentence, by its place in the sentence's characters.
struct Token: Sendable {
    /// The text as written: `Kathy's`, `1990s`, `hands-on`.
    var text: String
    /// Where it starts in the sentence's characters.
    var start: Int
    /// Just past its end.
    var end: Int

    /// The text lowercased.
    var lower: String { text.lowercased() }
    /// Whether it starts with a capital letter.
    var isCapitalized: Bool { text.first?.isUppercaseLetter ?? false }
    /// Whether it has a digit.
    var hasDigit: Bool { text.contains(where: \.isNumber) }
    /// Whether it ends with a possessive `'s`.
    var isPossessive: Bool { text.hasSuffix("'s") || text.hasSuffix("’s") }
    /// The text without a possessive `'s`.
    var base: String { isPossessive ? String(text.dropLast(2)) : text }
    /// The end of `base`.
    var baseEnd: Int { isPossessive ? end - 2 : end }

    /// The tokens of a sentence: runs of letters and digits, keeping inner apostrophes and
    /// hyphens between letters (`Kathy's`, `hands-on`), separators inside numbers
    /// (`20,000`, `3.5`) and a trailing `%`.
    static func scan(_ characters: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = characters.count
        while index < count {
            let character = characters[index]
            guard character.isLetter || character.isNumber else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < count {
                let current = characters[index]
                if current.isLetter || current.isNumber {
                    index += 1
                    continue
                }
                let nextIsLetter = index + 1 < count && characters[index + 1].isLetter
                let nextIsDigit = index + 1 < count && characters[index + 1].isNumber
                let previous = characters[index - 1]
                if current.isOne(of: [0x27, 0x2019, 0x2D]), previous.isLetter, nextIsLetter {
                    index += 1
                    continue
                }
                if current.isOne(of: [0x2E, 0x2C]), previous.isNumber, nextIsDigit {
                    index += 1
                    continue
                }
                break
            }
            if index < count, characters[index] == "%", characters[index - 1].isNumber { index += 1 }
            tokens.append(Token(text: String(characters[start..<index]), start: start, end: index))
        }
        return tokens
    }
}
