import Decks

/// Writes a deck as format-1 JSON, the way a person would lay it out: one field per line,
/// fields in the documented order, the same bytes for the same deck.
public enum DeckJSON {
    /// The deck as JSON text, ending with a line break.
    public static func text(of deck: Deck) -> String {
        var out = "{\n"
        out += "  \"format\": \(DeckFormat.version),\n"
        out += "  \"id\": \(string(deck.id)),\n"
        out += "  \"title\": \(string(deck.title)),\n"
        out += "  \"description\": \(string(deck.description)),\n"
        if !deck.tags.isEmpty { out += "  \"tags\": \(list(deck.tags)),\n" }
        out += "  \"sources\": ["
        out += deck.sources.isEmpty ? "" : "\n"
        for (index, source) in deck.sources.enumerated() {
            var fields = [("id", string(source.id)), ("title", string(source.title))]
            for (name, value) in [
                ("author", source.author), ("site", source.site), ("date", source.date), ("url", source.url),
            ] {
                if let value { fields.append((name, string(value))) }
            }
            out += "    {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
            out += index + 1 < deck.sources.count ? ",\n" : "\n  "
        }
        out += "],\n"
        out += "  \"cards\": ["
        out += deck.cards.isEmpty ? "" : "\n"
        for (index, card) in deck.cards.enumerated() {
            out += cardText(card)
            out += index + 1 < deck.cards.count ? ",\n" : "\n  "
        }
        out += "]\n}\n"
        return out
    }

    /// One card as an indented object.
    static func cardText(_ card: Card) -> String {
        var fields: [(String, String)] = [("id", string(card.id)), ("type", string(card.content.typeName))]
        switch card.content {
        case .basic(let front, let back, let reverse):
            fields += [("front", string(front)), ("back", string(back))]
            if reverse { fields.append(("reverse", "true")) }
        case .typed(let prompt, let answers):
            fields += [("prompt", string(prompt)), ("answers", list(answers))]
        case .choice(let prompt, let choices, let answer):
            fields += [("prompt", string(prompt)), ("choices", list(choices)), ("answer", string(answer))]
        case .trueFalse(let statement, let answer):
            fields += [("statement", string(statement)), ("answer", answer ? "true" : "false")]
        case .cloze(let text):
            fields.append(("text", string(text)))
        }
        if !card.tags.isEmpty { fields.append(("tags", list(card.tags))) }
        for (name, value) in [
            ("hint", card.hint), ("explanation", card.explanation), ("source", card.source),
            ("location", card.location),
        ] {
            if let value { fields.append((name, string(value))) }
        }
        return "    {\n" + fields.map { "      \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n    }"
    }

    /// A list of strings on one line.
    static func list(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n` or `\u00XX`;
    /// everything else as UTF-8.
    static func string(_ value: String) -> String {
        // Fast path: nothing to escape (no quote, backslash or control character).
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 }) {
            return "\"" + value + "\""
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
