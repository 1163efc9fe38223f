/// An entry line: `Name — description`, `Name: description` or `Name - description`.
struct Entry: Sendable, Hashable {
    /// The name as shown: `Elizabeth Bennet` (an alias in parentheses taken out).
    var name: String
    /// Other names written with it: `Elizabeth (Lizzy) Bennet` → `Lizzy`.
    var aliases: [String]
    /// What follows the separator.
    var description: String

    /// Words that label a line rather than name something: `Note: …`, `Posted by: …`.
    private static let labels: Set<String> = [
        "note", "notes", "summary", "warning", "example", "answer", "question", "source", "sources", "update",
        "edit", "tip", "important", "caution", "spoiler", "spoilers", "see", "also", "date", "author", "title",
        "publisher", "isbn", "published", "genre", "pages", "rating", "review", "q", "a", "nb", "ps", "re", "tl;dr",
    ]

    /// Words a name may contain in lowercase: `Duke of York`, `Ludwig van Beethoven`.
    static let connectors: Set<String> = [
        "of", "the", "de", "van", "von", "der", "du", "da", "di", "le", "la", "del", "y",
    ]

    /// Parses an entry line, or returns nil when the line is not one.
    init?(line: String) {
        // The first separator: " — ", " – ", " -- ", " - ", ": " or "—" (the name comes first,
        // so only the line's first 60 characters are looked at).
        let characters = Array(line.prefix(60))
        var separator: (start: Int, end: Int)?
        for index in characters.indices {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let previousIsSpace = index > 0 && characters[index - 1] == " "
            if character == ":", next == " " {
                separator = (index, index + 2)
            } else if character == "—" {
                separator = previousIsSpace && next == " " ? (index - 1, index + 2) : (index, index + 1)
            } else if character == "–" || character == "-", previousIsSpace, next == " " {
                separator = (index - 1, index + 2)
            } else if character == "-", next == "-", previousIsSpace, index + 2 < characters.count,
                characters[index + 2] == " "
            {
                separator = (index - 1, index + 3)
            }
            if separator != nil { break }
        }
        guard let separator else { return nil }
        var name = String(characters[..<separator.start]).trimmed
        let description = String(line.dropFirst(separator.end)).trimmed
        guard !name.isEmpty, name.count <= 50, description.split(separator: " ").count >= 2 else { return nil }
        // An alias in parentheses: "Elizabeth (Lizzy) Bennet".
        var aliases: [String] = []
        if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
            let alias = String(name[name.index(after: open)..<close]).trimmed
            if !alias.isEmpty, alias.first?.isUppercaseLetter == true { aliases.append(alias) }
            name = (String(name[..<open]) + " " + String(name[name.index(after: close)...])).collapsingWhitespace
        }
        let words = name.split(separator: " ")
        guard (1...6).contains(words.count), let first = words.first?.first, first.isUppercaseLetter else { return nil }
        for word in words {
            guard let initial = word.first else { return nil }
            if Entry.connectors.contains(String(word)) { continue }
            guard initial.isUppercaseLetter || initial.isNumber else { return nil }
            guard !word.hasSuffix("'s"), !word.hasSuffix("’s") else { return nil }
            guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" })
            else { return nil }
        }
        if words.count == 1, Entry.labels.contains(name.lowercased()) { return nil }
        if words.contains(where: { Entry.labels.contains($0.lowercased()) }), words.count <= 2 { return nil }
        if Heading.division(name) != nil { return nil }
        self.name = name
        self.aliases = aliases
        self.description = description
    }
}
