/// A heading of a summary: Markdown `#`, an underlined title, `Chapter 3`, an ALL-CAPS
/// line, or a short line on its own followed by text.
struct Heading: Sendable {
    /// The heading's text, without markup.
    var text: String
    /// 1 for the largest; plain-text headings are 2, `Part N` 1, `Scene N` 3.
    var level: Int
    /// The line it is on.
    var line: Int
    /// The kind of section its words name, if any.
    var kind: SectionKind?
    /// The tags it gives its cards: `characters`, `chapter-3`, `memory`.
    var tags: [String]
    /// The theme it names ("Theme: memory" → "memory"), or nil.
    var theme: String?

    /// Builds a heading from its text, working out its kind and tags.
    init(text: String, level: Int, line: Int) {
        let text = text.trimmed
        self.text = text
        self.level = level
        self.line = line
        let words = Heading.words(text)
        var tags: [String] = []
        if let division = Heading.division(text) {
            tags.append(division.tag)
        }
        let kind = SectionKind.named(by: words)
        self.kind = kind
        if let kind { tags.append(kind.rawValue) }
        var theme: String?
        if kind == .themes {
            // "Theme: Memory", "Themes of love and loss": what is left names the theme.
            let residue = Heading.themeResidue(text)
            if !residue.isEmpty { theme = residue }
        }
        self.theme = theme
        if tags.isEmpty || theme != nil {
            let slugWords = Heading.words(theme ?? text).drop { ["the", "a", "an"].contains($0) }
            if (1...3).contains(slugWords.count) {
                let slug = Slug.make(slugWords.joined(separator: " "))
                if !slug.isEmpty, !tags.contains(slug) { tags.append(slug) }
            }
        }
        self.tags = tags
    }

    /// The lowercased words of a text (letters and digits).
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }

    /// The numbered division a heading starts with: `Chapter 3`, `Part Two`, `Act IV`.
    static func division(_ text: String) -> (word: String, number: Int, tag: String)? {
        let words = text.split(whereSeparator: {
            $0 == " " || $0 == ":" || $0 == "." || $0 == "," || $0 == "—" || $0 == "–"
        })
        guard words.count >= 2 else { return nil }
        let word = words[0].lowercased()
        guard
            ["chapter", "part", "act", "book", "scene", "section", "canto", "volume", "letter", "stave"].contains(word)
        else { return nil }
        guard let number = Heading.number(String(words[1])) else { return nil }
        return (word, number, "\(word)-\(number)")
    }

    /// A chapter number: digits, a Roman numeral or an English number word.
    static func number(_ text: String) -> Int? {
        if let value = Int(text), value > 0, value < 10_000 { return value }
        let lower = text.lowercased()
        let words = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        if let index = words.firstIndex(of: lower) { return index + 1 }
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        if let index = ordinals.firstIndex(of: lower) { return index + 1 }
        return roman(lower)
    }

    /// The value of a lowercase Roman numeral up to 3999, or nil.
    static func roman(_ text: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
        guard !text.isEmpty, text.count <= 15 else { return nil }
        var total = 0
        let digits = text.compactMap { values[$0] }
        guard digits.count == text.count else { return nil }
        for (index, value) in digits.enumerated() {
            if index + 1 < digits.count, digits[index + 1] > value { total -= value } else { total += value }
        }
        return total > 0 ? total : nil
    }

    /// A theme heading's words once the theme words are gone: "Theme: Memory" → "Memory".
    static func themeResidue(_ text: String) -> String {
        let dropped: Set<String> = [
            "theme", "themes", "motif", "motifs", "symbol", "symbols", "symbolism", "ideas", "key", "major", "main",
            "central", "important", "of", "the", "and", "in", "a", "an",
        ]
        var words = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "—" || $0 == "–" || $0 == "-" })
            .map(String.init)
        while let first = words.first, dropped.contains(first.lowercased()) { words.removeFirst() }
        while let last = words.last, dropped.contains(last.lowercased()) { words.removeLast() }
        if words.contains(where: { ["theme", "themes", "motif", "motifs", "symbols"].contains($0.lowercased()) }) {
            return ""
        }
        return words.joined(separator: " ")
    }
}
