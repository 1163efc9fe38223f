/// Strips Markdown's inline markup from a line, keeping what is set in italics.
enum InlineMarkup {
    /// The line without `**bold**`, `*italics*`, `_italics_`, backticks and links
    /// (`[text](url)` → text), and the phrases that were in italics.
    static func strip(_ line: String) -> (text: String, italics: [String]) {
        let characters = Array(line)
        var output: [Character] = []
        output.reserveCapacity(characters.count)
        var italics: [String] = []
        var index = 0
        var italicStart: (marker: Character, position: Int)?
        while index < characters.count {
            let character = characters[index]
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "*", "_":
                if next == character {  // ** or __: bold, dropped
                    index += 2
                    continue
                }
                let wordBefore = previous.map { $0.isLetter || $0.isNumber } ?? false
                let wordAfter = next.map { $0.isLetter || $0.isNumber } ?? false
                if let start = italicStart, start.marker == character, previous.map({ !$0.isWhitespace }) ?? false,
                    !(character == "_" && wordAfter)
                {
                    let phrase = String(output[start.position...]).trimmed
                    if !phrase.isEmpty { italics.append(phrase) }
                    italicStart = nil
                    index += 1
                    continue
                }
                if italicStart == nil, next.map({ !$0.isWhitespace }) ?? false, !(character == "_" && wordBefore) {
                    italicStart = (character, output.count)
                    index += 1
                    continue
                }
                output.append(character)
            case "`":
                break
            case "!" where next == "[":
                break
            case "[":
                // A link: [text](url) → text.
                if let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count,
                    characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")")
                {
                    output.append(contentsOf: characters[(index + 1)..<close])
                    index = end + 1
                    continue
                }
                output.append(character)
            default:
                output.append(character)
            }
            index += 1
        }
        return (String(output), italics)
    }
}
