import Foundation
import Testing

@testable import Anki

/// The plan's fast paths give what the plain ones give: notes mapped on several threads,
/// and JSON strings written without escapes when none is needed.
struct PlanSpeedPathTests {
    @Test func notesMappedInParallelAreMappedAsOneByOne() throws {
        let basic = AnkiNotetype(
            id: 1, name: "Basic", isCloze: false, stockKind: nil, fields: ["Front", "Back"],
            templates: [.init(name: "Card 1", front: "{{Front}}", back: "{{Back}}")])
        let cloze = AnkiNotetype(
            id: 2, name: "Cloze", isCloze: true, stockKind: nil, fields: ["Text", "Back Extra"],
            templates: [.init(name: "Cloze", front: "{{cloze:Text}}", back: "{{cloze:Text}}")])
        var notes: [AnkiNote] = []
        for index in 0..<9_001 {
            let guid: String = index % 10 == 0 ? "recall:deck/card-\(index)" : "g\(index)&<x>"
            let fields: [String] =
                index % 3 == 2
                ? ["{{c1::<b>answer \(index)</b>}} text", ""]
                : ["front <br>\(index) &amp;", index % 7 == 0 ? "" : "back \(index)"]
            notes.append(AnkiNote(id: Int64(index), guid: guid, notetypeID: Int64(index % 3), tags: [], fields: fields))
        }
        let notetypes: [Int64: AnkiNotetype] = [1: basic, 2: cloze]
        let parallel = AnkiImportPlan.map(notes, notetypes: notetypes)
        #expect(parallel.count == notes.count)
        var mapped = 0
        for (note, result) in zip(notes, parallel) {
            guard let notetype = notetypes[note.notetypeID] else {
                #expect(result == nil)
                continue
            }
            let one = try #require(result)
            let cardID =
                AnkiImportPlan.recallGuid(note.guid)?.card ?? Slug.cardID(guid: note.guid)
            #expect(one.cardID == cardID)
            let alone = Result { () throws(NoteMapping.Skip) in
                try NoteMapping.map(note, notetype: notetype, cardID: cardID)
            }
            #expect(one.card == alone)
            if case .success = alone { mapped += 1 }
        }
        #expect(mapped > 5_000)
    }

    @Test(arguments: [
        "plain", "", "quote \" and \\ backslash", "tab\tnew\nline\r", "\u{1}\u{1F}\u{7F}\u{80}\u{9F}", "é ü ñ ©",
        "\u{2028}\u{2029}", "€ “curly” ✓", "😀 emoji",
    ])
    func jsonStringsReadBackAsWritten(text: String) throws {
        let literal = DeckJSONWriter.string(text)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
    }
}
