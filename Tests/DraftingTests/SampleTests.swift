import Decks
import Foundation
import Testing

@testable import Drafting

/// The committed samples (summaries written for these tests) against their golden decks,
/// and properties every drafted deck must have, on the samples and on the seed texts of the
/// bundled decks when they are next to the checkout.
@Suite("Drafting: samples and golden decks")
struct SampleTests {
    @Test(arguments: sampleNames)
    func matchesItsGoldenDeck(_ name: String) throws {
        let deck = try drafted(try sample(name), file: name)
        let json = DeckJSON.text(of: deck)
        let golden = samplesDirectory().appendingPathComponent(name + ".deck.json")
        if ProcessInfo.processInfo.environment["RECALL_UPDATE_GOLDEN"] == "1" {
            try Data(json.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(json == expected, "regenerate with RECALL_UPDATE_GOLDEN=1 swift test --filter SampleTests")
    }

    /// Every sample and seed, with its text.
    static func inputs() throws -> [(name: String, text: String)] {
        var inputs = try sampleNames.map { ($0, try sample($0)) }
        for url in seedFiles() {
            inputs.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
        }
        return inputs
    }

    @Test func everyDraftPassesRecallCheck() throws {
        for (name, text) in try Self.inputs() {
            let deck = try drafted(text, file: name)
            let result = DeckLoader.load(json: DeckJSON.text(of: deck), file: name + ".json")
            #expect(result.problems.map(\.description) == [], "\(name)")
            #expect(result.deck?.cards.count == deck.cards.count)
            #expect(result.deck?.cards == deck.cards, "\(name): the JSON does not read back as the same cards")
        }
    }

    @Test func nothingIsInvented() throws {
        for (name, text) in try Self.inputs() {
            let summary = plain(text)
            let deck = try drafted(text, file: name)
            for card in deck.cards {
                switch card.content {
                case .cloze(let cloze):
                    let full = try ClozeText(parsing: cloze).fullText
                    #expect(occurs(full, in: summary), "\(name) \(card.id): \(full)")
                case .trueFalse(let statement, let answer):
                    #expect(occurs(statement, in: summary) == answer, "\(name) \(card.id): \(statement)")
                case .choice(_, let choices, let answer):
                    #expect(choices.contains(answer))
                    for choice in choices { #expect(occurs(choice, in: summary), "\(name) \(card.id): \(choice)") }
                case .typed(_, let answers):
                    for answer in answers { #expect(occurs(answer, in: summary), "\(name) \(card.id): \(answer)") }
                case .basic(let front, let back, _):
                    if !front.hasPrefix("How does the text treat ") {
                        #expect(occurs(front, in: summary), "\(name) \(card.id): \(front)")
                    }
                    for part in back.components(separatedBy: "___")
                    where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                        #expect(
                            occurs(part.trimmingCharacters(in: .whitespaces), in: summary),
                            "\(name) \(card.id): \(part)")
                    }
                }
                // The explanation quotes the summary.
                let explanation = try #require(card.explanation)
                let quoted = String(explanation.split(separator: "“", maxSplits: 1)[1].dropLast())
                #expect(occurs(quoted, in: summary) || quoted.contains(" "), "\(name) \(card.id)")
            }
        }
    }

    @Test func falseTwinsSwapOneTermForAnotherFromTheSummary() throws {
        for (name, text) in try Self.inputs() {
            let summary = plain(text)
            let deck = try drafted(text, file: name)
            for card in deck.cards {
                guard case .trueFalse(let statement, false) = card.content, let explanation = card.explanation else {
                    continue
                }
                let original = String(explanation.split(separator: "“", maxSplits: 1)[1].dropLast())
                // The words the twin has that the original has not: one name or number, from the summary.
                let words = { (text: String) in
                    Set(text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
                }
                let added = words(statement).subtracting(words(original))
                #expect(!added.isEmpty, "\(name) \(card.id)")
                for word in added {
                    #expect(occurs(word.lowercased(), in: summary.lowercased()), "\(name) \(card.id): \(word)")
                }
            }
        }
    }
}
