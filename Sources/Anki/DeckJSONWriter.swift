import Decks
import Foundation

/// Writes a `Deck` as a deck file (format 1), in the layout people write by hand: one
/// card per line, fields in the order of the README.
public enum DeckJSONWriter {
    /// The JSON text of `deck`, ending with a line break.
    public static func json(_ deck: Deck) -> String {
        var out = "{\n"
        out += "  \"format\": \(DeckFormat.version),\n"
        out += "  \"id\": \(string(deck.id)),\n"
        out += "  \"title\": \(string(deck.title)),\n"
        out += "  \"description\": \(string(deck.description)),\n"
        if !deck.tags.isEmpty { out += "  \"tags\": \(strings(deck.tags)),\n" }
        if deck.sources.isEmpty {
            out += "  \"sources\": [],\n"
        } else {
            out += "  \"sources\": [\n"
            out += deck.sources.map { "    " + object(source($0)) }.joined(separator: ",\n")
            out += "\n  ],\n"
        }
        if deck.cards.isEmpty {
            out += "  \"cards\": []\n"
        } else {
            out += "  \"cards\": [\n"
            out += deck.cards.map { "    " + object(card($0)) }.joined(separator: ",\n")
            out += "\n  ]\n"
        }
        out += "}\n"
        return out
    }

    /// The members of a card, in order.
    static func card(_ card: Card) -> [(String, String)] {
        var members: [(String, String)] = [("id", string(card.id)), ("type", string(card.content.typeName))]
        switch card.content {
        case .basic(let front, let back, let reverse):
            members += [("front", string(front)), ("back", string(back))]
            if reverse { members.append(("reverse", "true")) }
        case .typed(let prompt, let answers):
            members += [("prompt", string(prompt)), ("answers", strings(answers))]
        case .choice(let prompt, let choices, let answer):
            members += [("prompt", string(prompt)), ("choices", strings(choices)), ("answer", string(answer))]
        case .trueFalse(let statement, let answer):
            members += [("statement", string(statement)), ("answer", answer ? "true" : "false")]
        case .cloze(let text):
            members.append(("text", string(text)))
        }
        if !card.tags.isEmpty { members.append(("tags", strings(card.tags))) }
        if let hint = card.hint { members.append(("hint", string(hint))) }
        if let explanation = card.explanation { members.append(("explanation", string(explanation))) }
        if let source = card.source { members.append(("source", string(source))) }
        if let location = card.location { members.append(("location", string(location))) }
        return members
    }

    static func source(_ source: Source) -> [(String, String)] {
        var members = [("id", string(source.id)), ("title", string(source.title))]
        if let author = source.author { members.append(("author", string(author))) }
        if let site = source.site { members.append(("site", string(site))) }
        if let date = source.date { members.append(("date", string(date))) }
        if let url = source.url { members.append(("url", string(url))) }
        return members
    }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        // Most text needs no escape: no quote, backslash, control character (C0, DEL, C1,
        // led by 0xC2 in UTF-8) or line/paragraph separator (led by 0xE2). 0xC2 and 0xE2 lead
        // other characters too: those take the slow path below, which escapes exactly.
        if !text.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2
        }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}"
                    || scalar == "\u{2029}"
                {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
