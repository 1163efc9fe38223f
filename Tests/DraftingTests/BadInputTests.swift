import Decks
import Foundation
import Testing

@testable import Drafting

@Suite("Drafting: bad input")
struct BadInputTests {
    @Test func emptyAndBlankFiles() {
        #expect(throws: DraftError.empty) { try Drafter.draft(bytes: [], file: "a.md") }
        #expect(throws: DraftError.empty) { try Drafter.draft(text: " \n\n\t \r\n", file: "a.md") }
        #expect(throws: DraftError.empty) { try Drafter.draft(text: "\u{1B}[31m\u{1B}[0m\n", file: "a.md") }
    }

    @Test func binaryFiles() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: DraftError.binary) { try Drafter.draft(bytes: png, file: "a.png") }
        #expect(throws: DraftError.notUTF8(line: 2)) {
            try Drafter.draft(
                bytes: Array("Fine first line.\nBad \u{FF} here".utf8).map { $0 == 0xC3 ? 0xFF : $0 }, file: "a")
        }
    }

    @Test func noUsableSentence() {
        #expect(throws: DraftError.noUsableSentence) { try Drafter.draft(text: "hello world\n", file: "a.md") }
        #expect(throws: DraftError.noUsableSentence) {
            try Drafter.draft(text: "# Notes\n\nthe end.\n\n- buy milk\n", file: "a.md")
        }
    }

    @Test func messagesSayWhatToDo() {
        #expect(DraftError.empty.description.contains("the file is empty"))
        #expect(DraftError.binary.description.contains("binary file"))
        #expect(DraftError.notUTF8(line: 3).description.hasPrefix("line 3 is not UTF-8"))
        #expect(DraftError.noUsableSentence.description.contains("Name: description"))
    }

    @Test func terminalEscapesNeverReachTheDeck() throws {
        let text = """
            # \u{1B}]0;owned\u{07}Notes\u{1B}[2J

            - Nick \u{1B}[31mCarraway\u{1B}[0m — the narrator, who \u{9B}1mrents a house in West Egg.
            - Jay Gatsby — a millionaire who throws parties\u{1B}P+q\u{1B}\\ for strangers.

            Nick\u{7F} visits his cousin Daisy in East Egg in the summer of 1922.\u{0}
            """
        // A NUL is binary; without it the escapes are stripped.
        #expect(throws: DraftError.binary) { try Drafter.draft(text: text, file: "a.md") }
        let deck = try Drafter.draft(
            text: text.replacingOccurrences(of: "\u{0}", with: ""), file: "evil\u{1B}[2J.md")
        let json = DeckJSON.text(of: deck)
        for scalar in json.unicodeScalars {
            #expect(scalar == "\n" || (scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value)))
        }
        #expect(!json.contains("owned"))
        #expect(json.contains("Nick Carraway"))
        #expect(deck.title == "Notes")
        #expect(deck.sources.first?.title == "evil.md")
        #expect(DeckLoader.load(json: json).problems.isEmpty)
    }

    @Test func typeLists() throws {
        #expect(try DraftCardType.parseList("cloze,typed").get() == [.cloze, .typed])
        #expect(try DraftCardType.parseList("truefalse, basic").get() == [.truefalse, .basic])
        guard case .failure(let error) = DraftCardType.parseList("cloze,flash") else {
            Issue.record("accepted flash")
            return
        }
        #expect(
            error.description == "unknown card type \"flash\" in --types (use: cloze, typed, choice, truefalse, basic)")
    }
}
