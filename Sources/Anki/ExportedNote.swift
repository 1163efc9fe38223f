import Decks

/// A recall card as an Anki note: its note type, its fields (HTML) and its tags.
struct ExportedNote: Sendable {
    /// The note type.
    var notetype: ExportNotetype
    /// The field values, HTML, in the note type's order.
    var fields: [String]
    /// The tags.
    var tags: [String]
    /// The guid: derived from the deck and card ids, so exporting again updates the same note.
    var guid: String

    /// The Anki template (cloze number − 1) of each study item.
    static func ord(of item: StudyItem) -> Int {
        switch item.variant {
        case .forward: 0
        case .reverse: 1
        case .cloze(let number): number - 1
        }
    }

    /// The note of `card` in `deck`; `media` names the files of the deck's media folder, so
    /// that `(image: NAME)` and `(sound: NAME)` markers become `<img>` and `[sound:]` again.
    init(_ card: Card, in deck: Deck, media: Set<String>) {
        func html(_ text: String) -> String { ExportedNote.html(text, media: media) }
        let hint = card.hint.map(html) ?? ""
        let explanation = card.explanation.map(html) ?? ""
        var sourceParts: [String] = []
        if let id = card.source, let source = deck.sources.first(where: { $0.id == id }) {
            sourceParts.append([source.title, source.author].compactMap { $0 }.joined(separator: ", "))
        }
        if let location = card.location { sourceParts.append(location) }
        let source = html(sourceParts.joined(separator: ", "))
        guid = AnkiImportPlan.guidPrefix + deck.id + "/" + card.id
        tags = card.tags
        switch card.content {
        case .basic(let front, let back, let reverse):
            notetype = reverse ? .reversed : .basic
            fields = [html(front), html(back), hint, explanation, source]
        case .typed(let prompt, let answers):
            notetype = .typed
            fields = [
                html(prompt), html(answers.first ?? ""), answers.dropFirst().map(html).joined(separator: "<br>"), hint,
                explanation, source,
            ]
        case .choice(let prompt, let choices, let answer):
            notetype = .basic
            let letters = Array("abcdefgh")
            let listed = choices.enumerated().map { "\(letters[$0.offset % letters.count])) \(html($0.element))" }
            fields = [
                html(prompt) + "<br><br>" + listed.joined(separator: "<br>"), html(answer), hint, explanation, source,
            ]
        case .trueFalse(let statement, let answer):
            notetype = .basic
            fields = ["True or false? " + html(statement), answer ? "True" : "False", hint, explanation, source]
        case .cloze(let text):
            notetype = .cloze
            fields = [html(text), explanation, hint, source]
        }
    }

    /// Plain deck text as HTML: `&`, `<`, `>` escaped, line breaks as `<br>`, media markers as media.
    static func html(_ text: String, media: Set<String>) -> String {
        var out = escaped(text)
        guard !media.isEmpty, out.contains("(image: ") || out.contains("(sound: ") else { return out }
        for name in media {
            let escaped = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            out = out.replacingOccurrences(
                of: "(image: \(escaped))",
                with: "<img src=\"\(escaped.replacingOccurrences(of: "\"", with: "&quot;"))\">")
            out = out.replacingOccurrences(of: "(sound: \(escaped))", with: "[sound:\(name)]")
        }
        return out
    }

    /// `text` with `&`, `<` and `>` escaped and line breaks as `<br>`, in one pass over its
    /// bytes (the text itself when it has none of them, as most fields do).
    static func escaped(_ text: String) -> String {
        let utf8 = text.utf8
        guard
            utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\n")
            })
        else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: "<br>".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
