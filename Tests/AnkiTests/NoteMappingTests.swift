import Decks
import Testing

@testable import Anki

@Suite("Anki import: note types")
struct NoteMappingTests {
    static func notetype(
        _ name: String, fields: [String], templates: [(String, String)], cloze: Bool = false,
        stock: AnkiNotetype.StockKind? = nil
    ) -> AnkiNotetype {
        AnkiNotetype(
            id: 1, name: name, isCloze: cloze, stockKind: stock, fields: fields,
            templates: templates.enumerated().map {
                .init(name: "Card \($0.offset + 1)", front: $0.element.0, back: $0.element.1)
            })
    }
    static let basic = notetype(
        "Basic", fields: ["Front", "Back"], templates: [("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")])
    static let reversed = notetype(
        "Einfach (mit umgekehrter Karte)", fields: ["Vorderseite", "Rückseite"],
        templates: [
            ("{{Vorderseite}}", "{{FrontSide}}<hr id=answer>{{Rückseite}}"),
            ("{{Rückseite}}", "{{FrontSide}}<hr id=answer>{{Vorderseite}}"),
        ])
    static let optional = notetype(
        "Basic (optional reversed card)", fields: ["Front", "Back", "Add Reverse"],
        templates: [
            ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
            ("{{#Add Reverse}}{{Back}}{{/Add Reverse}}", "{{Front}}"),
        ])
    static let typed = notetype(
        "Basic (type in the answer)", fields: ["Front", "Back"],
        templates: [("{{Front}}\n{{type:Back}}", "{{Front}}<hr id=answer>{{type:Back}}")])
    static let cloze = notetype(
        "Cloze", fields: ["Text", "Back Extra"], templates: [("{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")],
        cloze: true)
    static let custom = notetype(
        "Vocabulary", fields: ["Word", "Reading", "Meaning"],
        templates: [("{{Word}}<br>{{Reading}}", "{{FrontSide}}<hr id=answer>{{Meaning}}"), ("{{Meaning}}", "{{Word}}")])

    func note(_ fields: [String], tags: [String] = []) -> AnkiNote {
        AnkiNote(id: 1, guid: "g", notetypeID: 1, tags: tags, fields: fields)
    }

    @Test("the stock note types are recognised by structure, in any language or by Anki's stock kind")
    func kinds() {
        #expect(NoteKind(Self.basic) == .basic)
        #expect(NoteKind(Self.reversed) == .reversed)
        #expect(NoteKind(Self.optional) == .optionalReversed)
        #expect(NoteKind(Self.typed) == .typed)
        #expect(NoteKind(Self.cloze) == .cloze)
        #expect(NoteKind(Self.custom) == .custom)
        var renamed = Self.custom
        renamed.stockKind = .basic  // a copy of Basic that was changed: the structure decides
        #expect(NoteKind(renamed) == .custom)
    }

    @Test("Basic, reversed, optional reversed, typed")
    func basicKinds() throws {
        let basic = try NoteMapping.map(
            note(["<b>Q</b>", "A"], tags: ["part::one", "Part::One", "x"]), notetype: Self.basic, cardID: "c")
        #expect(basic.card.content == .basic(front: "Q", back: "A", reverse: false))
        #expect(basic.card.tags == ["part-one", "x"])
        #expect(basic.itemKeys == [0: "c"])
        let reversed = try NoteMapping.map(note(["Q", "A"]), notetype: Self.reversed, cardID: "c")
        #expect(reversed.card.content == .basic(front: "Q", back: "A", reverse: true))
        #expect(reversed.itemKeys == [0: "c", 1: "c#reverse"])
        let withReverse = try NoteMapping.map(note(["Q", "A", "y"]), notetype: Self.optional, cardID: "c")
        #expect(withReverse.card.content == .basic(front: "Q", back: "A", reverse: true))
        let withoutReverse = try NoteMapping.map(note(["Q", "A", "<br>"]), notetype: Self.optional, cardID: "c")
        #expect(withoutReverse.card.content == .basic(front: "Q", back: "A", reverse: false))
        #expect(withoutReverse.itemKeys == [0: "c"])
        let typed = try NoteMapping.map(note(["Q", "Ruth"]), notetype: Self.typed, cardID: "c")
        #expect(typed.card.content == .typed(prompt: "Q", answers: ["Ruth"]))
    }

    @Test("Cloze keeps its numbers and hints; Back Extra becomes the explanation")
    func clozes() throws {
        let mapped = try NoteMapping.map(
            note(["{{c1::Kathy}} and {{c3::Ruth::friend}}", "extra"]), notetype: Self.cloze, cardID: "c")
        #expect(mapped.card.content == .cloze(text: "{{c1::Kathy}} and {{c3::Ruth::friend}}"))
        #expect(mapped.card.explanation == "extra")
        #expect(mapped.itemKeys == [0: "c#c1", 2: "c#c3"])
        #expect(throws: NoteMapping.Skip.self) {
            try NoteMapping.map(note(["{{c1::a {{c2::nested}} }}", ""]), notetype: Self.cloze, cardID: "c")
        }
    }

    @Test("any other note type: the first template's front fields, the rest as back")
    func custom() throws {
        let mapped = try NoteMapping.map(note(["犬", "いぬ", "dog"]), notetype: Self.custom, cardID: "c")
        #expect(mapped.card.content == .basic(front: "犬\nいぬ", back: "dog", reverse: false))
        #expect(mapped.itemKeys == [0: "c"])
    }

    @Test("an empty side is skipped with its reason")
    func empty() {
        #expect(throws: NoteMapping.Skip(reason: "empty back")) {
            try NoteMapping.map(note(["Q", "<div></div>"]), notetype: Self.basic, cardID: "c")
        }
    }

    @Test("deck and tag slugs")
    func slugs() {
        #expect(Slug.make("Lit::Novel::Part 1") == "lit-novel-part-1")
        #expect(Slug.make("Élève — Ünïcode") == "eleve-unicode")
        #expect(Slug.make("日本語") == nil)
        let long = Slug.make(String(repeating: "word ", count: 30))
        #expect(long.map { TextRules.isSlug($0) } == true)
        #expect(TextRules.isSlug(Slug.cardID(guid: "qTuF+H%q^6")))
        #expect(Slug.cardID(guid: "abc") != Slug.cardID(guid: "ABC"))
    }
}
