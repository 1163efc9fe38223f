import Decks

/// Maps Anki notes to recall cards (see the README's Anki section for the rules).
enum NoteMapping {
    /// Why a note was not imported.
    struct Skip: Error, Equatable {
        /// The reason, as counted in the summary.
        var reason: String
    }

    /// The recall card of `note` (of type `notetype`), with id `cardID`.
    static func map(_ note: AnkiNote, notetype: AnkiNotetype, cardID: String) throws(Skip) -> MappedNote {
        var media: [String] = []
        func field(_ index: Int) -> String {
            guard index < note.fields.count else { return "" }
            let (text, found) = HTMLText.plain(note.fields[index])
            for name in found where !media.contains(name) { media.append(name) }
            return text
        }
        func named(_ name: String) -> String? {
            guard let index = notetype.fields.firstIndex(of: name) else { return nil }
            let text = field(index)
            return text.isEmpty ? nil : text
        }
        func required(_ text: String, _ what: String) throws(Skip) -> String {
            guard !text.isEmpty else { throw Skip(reason: "empty \(what)") }
            return text
        }
        let tags = Self.tags(note.tags)
        var card: Card
        var keys: [Int: String] = [0: cardID]
        switch NoteKind(notetype) {
        case .basic:
            card = Card(
                id: cardID,
                content: .basic(
                    front: try required(field(0), "front"), back: try required(field(1), "back"), reverse: false))
        case .reversed:
            card = Card(
                id: cardID,
                content: .basic(
                    front: try required(field(0), "front"), back: try required(field(1), "back"), reverse: true))
            keys[1] = cardID + "#reverse"
        case .optionalReversed:
            let reverse = !field(2).isEmpty
            card = Card(
                id: cardID,
                content: .basic(
                    front: try required(field(0), "front"), back: try required(field(1), "back"), reverse: reverse))
            if reverse { keys[1] = cardID + "#reverse" }
        case .typed:
            card = Card(
                id: cardID,
                content: .typed(prompt: try required(field(0), "front"), answers: [try required(field(1), "answer")]))
        case .cloze:
            card = try cloze(field(0), cardID: cardID, keys: &keys)
            if notetype.fields.count > 1 {
                let extra = field(1)
                if !extra.isEmpty { card.explanation = extra }
            }
        case .recall:
            if notetype.fields.contains("Text") {
                card = try cloze(named("Text") ?? "", cardID: cardID, keys: &keys)
            } else {
                let front = try required(named("Front") ?? "", "front")
                let back = try required(named("Back") ?? "", "back")
                if notetype.fields.contains("Other answers") {
                    let others = (named("Other answers") ?? "").split(separator: "\n").map(String.init).filter {
                        !$0.isEmpty
                    }
                    card = Card(id: cardID, content: .typed(prompt: front, answers: [back] + others))
                } else {
                    let reverse = notetype.templates.count > 1
                    card = Card(id: cardID, content: .basic(front: front, back: back, reverse: reverse))
                    if reverse { keys[1] = cardID + "#reverse" }
                }
            }
            card.hint = named("Hint")
            card.explanation = named("Explanation")
            card.location = named("Source")
        case .custom:
            let shown = Set(notetype.templates.first.map { NoteKind.fieldReferences($0.front) } ?? [])
            var front: [String] = []
            var back: [String] = []
            for (index, name) in notetype.fields.enumerated() {
                let text = field(index)
                guard !text.isEmpty else { continue }
                if shown.contains(name) || (shown.isEmpty && index == 0) {
                    front.append(text)
                } else {
                    back.append(text)
                }
            }
            card = Card(
                id: cardID,
                content: .basic(
                    front: try required(front.joined(separator: "\n"), "front"),
                    back: try required(back.joined(separator: "\n"), "back"), reverse: false))
        }
        card.tags = tags
        return MappedNote(card: card, itemKeys: keys, media: media)
    }

    /// A cloze card, its deletions checked by recall's own rules.
    private static func cloze(_ text: String, cardID: String, keys: inout [Int: String]) throws(Skip) -> Card {
        guard !text.isEmpty else { throw Skip(reason: "empty cloze text") }
        let parsed: ClozeText
        do {
            parsed = try ClozeText(parsing: text)
        } catch {
            throw Skip(reason: "cloze: \(error.description)")
        }
        keys = [:]
        for number in parsed.numbers { keys[number - 1] = "\(cardID)#c\(number)" }
        return Card(id: cardID, content: .cloze(text: text))
    }

    /// Tags as slugs (`part::one` → `part-one`), without repeats.
    static func tags(_ tags: [String]) -> [String] {
        var result: [String] = []
        for tag in tags {
            guard let slug = Slug.make(tag), !result.contains(slug) else { continue }
            result.append(slug)
        }
        return result
    }
}
