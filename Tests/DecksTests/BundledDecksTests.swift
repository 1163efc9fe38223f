import Foundation
import Testing
import Decks

/// The bundled Never Let Me Go study guide (issue 6), loaded through the real loader and
/// validator from the repository's `Decks/` directory.
struct BundledDecksTests {
    /// `Decks/` at the root of the package, found from this file's path.
    static let decksDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DecksTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Decks").path

    static let expectedDeckIDs: Set<String> = [
        "never-let-me-go-plot", "never-let-me-go-characters", "never-let-me-go-themes",
        "never-let-me-go-quotations", "never-let-me-go-context",
    ]

    let catalog = DeckCatalog.load(paths: [BundledDecksTests.decksDirectory])

    @Test func everyBundledDeckLoadsWithoutAProblem() {
        #expect(catalog.problems.map(\.description) == [])
        #expect(Set(catalog.decks.map(\.id)) == Self.expectedDeckIDs)
        #expect(catalog.results.count == Self.expectedDeckIDs.count)
    }

    @Test func thereAreEnoughCardsInAllAndInEveryDeck() {
        let total = catalog.decks.reduce(0) { $0 + $1.cards.count }
        #expect(total >= 220, "\(total) cards in all")
        for deck in catalog.decks {
            #expect(deck.cards.count >= 30, "\(deck.id) has \(deck.cards.count) cards")
        }
    }

    @Test func theCardTypesAreMixed() {
        var counts: [String: Int] = [:]
        for deck in catalog.decks {
            for card in deck.cards { counts[card.content.typeName, default: 0] += 1 }
        }
        #expect(counts["choice", default: 0] >= 40, "\(counts)")
        #expect(counts["cloze", default: 0] >= 30, "\(counts)")
        #expect(counts["typed", default: 0] >= 30, "\(counts)")
        #expect(counts["truefalse", default: 0] >= 20, "\(counts)")
        // True/false cards are not all one answer.
        let answers = catalog.decks.flatMap(\.cards).compactMap { card -> Bool? in
            if case .trueFalse(_, let answer) = card.content { return answer }
            return nil
        }
        #expect(answers.contains(true) && answers.contains(false))
    }

    @Test func everyCardCitesASourceOfItsDeckAndExplainsItself() {
        for deck in catalog.decks {
            let sourceIDs = Set(deck.sources.map(\.id))
            #expect(!sourceIDs.isEmpty, "\(deck.id) lists no sources")
            for source in deck.sources {
                #expect(source.author != nil || source.site != nil, "\(deck.id): source \(source.id) names no author or site")
            }
            for card in deck.cards {
                let source = card.source ?? "(none)"
                #expect(sourceIDs.contains(source), "\(deck.id): card \(card.id) cites \(source)")
                #expect(!(card.explanation ?? "").isEmpty, "\(deck.id): card \(card.id) has no explanation")
            }
            let cited = Set(deck.cards.compactMap(\.source))
            #expect(cited == sourceIDs, "\(deck.id): sources listed but never cited: \(sourceIDs.subtracting(cited))")
        }
    }

    @Test func everyDeckIsTaggedForTheStudyGuide() {
        for deck in catalog.decks {
            #expect(deck.tags.contains("never-let-me-go"), "\(deck.id)")
            #expect(deck.tags.count >= 2, "\(deck.id) has no topic tag")
            #expect(deck.title.hasPrefix("Never Let Me Go: "), "\(deck.id)")
        }
    }
}
