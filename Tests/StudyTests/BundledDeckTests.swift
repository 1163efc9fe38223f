import Decks
import Foundation
import Scheduling
import Testing

@testable import Study

/// Every question of the bundled decks can be asked and is answered right by its own answer.
@Suite struct BundledDeckTests {
    static let decksDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Decks").path

    func bundledDecks() throws -> [Deck] {
        let files = try DeckCatalog.deckFiles(inDirectory: Self.decksDirectory).get()
        return files.compactMap { DeckLoader.load(file: $0).deck }
    }

    @Test func everyItemIsAskableAndItsOwnAnswerIsRight() throws {
        let decks = try bundledDecks()
        #expect(!decks.isEmpty)
        var random = SplitMix64(seed: 1)
        var checked = 0
        for deck in decks {
            for card in deck.cards {
                for item in card.studyItems(deckID: deck.id) {
                    let question = try #require(
                        Question(card: card, item: item, deckTitle: deck.title, random: &random))
                    checked += 1
                    switch question.kind {
                    case .selfGraded:
                        #expect(question.grade("") == .revealed)
                    case .typed(let answers):
                        for answer in answers {
                            #expect(
                                question.grade(answer) == .answered(.correct),
                                Comment(rawValue: "\(deck.id)/\(item.key): \(answer)"))
                        }
                    case .cloze:
                        #expect(
                            question.grade(question.expectedAnswer) == .answered(.correct),
                            Comment(rawValue: "\(deck.id)/\(item.key)"))
                    case .choice(let options, let correct):
                        #expect(question.grade(options[correct].label) == .answered(.correct))
                        // Every choice's text picks that choice, and no other.
                        for (index, option) in options.enumerated() {
                            #expect(
                                ChoiceSelection.read(option.text, options: options) == .picked(index),
                                Comment(rawValue: "\(deck.id)/\(item.key): \(option.text)")
                            )
                        }
                    case .trueFalse(let answer):
                        #expect(question.grade(answer ? "t" : "f") == .answered(.correct))
                    }
                }
            }
        }
        #expect(checked > 50)
    }
}
