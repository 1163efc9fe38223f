import Decks
import Foundation
import Testing

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
                #expect(
                    source.author != nil || source.site != nil,
                    "\(deck.id): source \(source.id) names no author or site")
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

    // MARK: - The revised study guide (issue 15)

    /// The question a card asks, as a student reads it (a cloze with its answers filled in).
    static func question(_ card: Card) -> String {
        switch card.content {
        case .basic(let front, _, _): front
        case .typed(let prompt, _), .choice(let prompt, _, _): prompt
        case .trueFalse(let statement, _): statement
        case .cloze(let text): (try? ClozeText(parsing: text).fullText) ?? text
        }
    }

    /// What a card accepts as its answer, lowercased (nil for true/false).
    static func answer(_ card: Card) -> String? {
        switch card.content {
        case .basic(_, let back, _): back.lowercased()
        case .typed(_, let answers): answers.first?.lowercased()
        case .choice(_, _, let answer): answer.lowercased()
        case .trueFalse: nil
        case .cloze(let text):
            (try? ClozeText(parsing: text)).map { cloze in
                cloze.numbers.map { cloze.answerText(for: $0) }.joined(separator: ",").lowercased()
            }
        }
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "and", "or", "is", "are", "was", "were", "be", "by", "for", "on", "at",
        "as",
        "with", "that", "this", "what", "which", "who", "whom", "whose", "how", "why", "when", "where", "does", "do",
        "did",
        "from", "into", "it", "its", "his", "her", "their", "they", "them", "she", "he", "s",
    ]

    /// The words of `text` that carry meaning: lowercased letters and digits, no stop words.
    static func tokens(_ text: String) -> Set<String> {
        let words = text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return Set(words).subtracting(stopWords)
    }

    /// Two questions are near-duplicates when their word sets overlap by 60% (Jaccard), or by
    /// 40% when they also expect the same answer.
    @Test func noTwoQuestionsAreNearDuplicates() {
        let cards = catalog.decks.flatMap { deck in deck.cards.map { (key: "\(deck.id)/\($0.id)", card: $0) } }
        let prepared = cards.map {
            (key: $0.key, words: Self.tokens(Self.question($0.card)), answer: Self.answer($0.card))
        }
        var duplicates: [String] = []
        for i in prepared.indices {
            for j in prepared.indices where j > i {
                let a = prepared[i]
                let b = prepared[j]
                let union = a.words.union(b.words).count
                guard union > 0 else { continue }
                let similarity = Double(a.words.intersection(b.words).count) / Double(union)
                if similarity >= 0.6 || (similarity >= 0.4 && a.answer != nil && a.answer == b.answer) {
                    duplicates.append("\(a.key) ~ \(b.key) (\(Int(similarity * 100))%)")
                }
            }
        }
        #expect(duplicates == [])
        // The check itself finds a real near-duplicate.
        #expect(
            Self.tokens("Where do Kathy, Ruth and Tommy live after leaving Hailsham?").intersection(
                Self.tokens("Where do Kathy, Ruth and Tommy live after Hailsham?")
            ).count >= 5)
    }

    /// Names of the reviewers, commenters and sources the decks draw on.
    static let sourceNames = [
        "shiken", "study guide", "student essay", "vulpes", "libris", "chartroose", "bookgum", "godsauce", "marygm",
        "leena", "kirsty", "frank f", "jenn", "ryan", "katelong", "francis", "hannah", "jackie", "mhairi", "ali888",
        "dr. girlfriend", "baby friday", "shellbomber", "reviewer", "commenter", "according to",
    ]

    /// The guide asks about the novel: only the context and reception deck may ask who said
    /// something, and only in a dozen questions or so.
    @Test func questionsAreAboutTheNovelNotItsReviewers() {
        var contextCount = 0
        for deck in catalog.decks {
            for card in deck.cards {
                let question = Self.question(card).lowercased()
                guard let name = Self.sourceNames.first(where: { question.contains($0) }) else { continue }
                if deck.id == "never-let-me-go-context" {
                    contextCount += 1
                } else {
                    Issue.record("\(deck.id)/\(card.id) names \"\(name)\": \(question)")
                }
            }
        }
        #expect(contextCount <= 12, "\(contextCount) context questions name a source")
    }

    /// Locations give the heading or paragraph as it stands in the source, quoted, never a
    /// page number (pages differ between editions). `tools/check_bundled_decks.py --seeds`
    /// checks that each quoted part is really in the source text.
    @Test func everyLocationQuotesTheSourceAndNoCardAsksForAPage() {
        for deck in catalog.decks {
            for card in deck.cards {
                let location = card.location ?? ""
                #expect(location.contains("“") && location.contains("”"), "\(deck.id)/\(card.id): location \(location)")
                #expect(
                    location.range(of: #"(^|[ (])pp?\. ?[0-9]"#, options: .regularExpression) == nil,
                    "\(deck.id)/\(card.id): location \(location)")
                let question = Self.question(card).lowercased()
                #expect(
                    !question.contains("which page") && !question.contains("edition"),
                    "\(deck.id)/\(card.id) asks for a page or edition")
            }
        }
    }

    /// The two mistakes issue 15 found stay fixed.
    @Test func theTwoMistakesAreFixed() throws {
        let characters = try #require(catalog.decks.first { $0.id == "never-let-me-go-characters" })
        let rage = try #require(characters.cards.first { $0.id == "tommy-rage-not-one-of-three" })
        #expect(rage.explanation?.contains("during the Norfolk trip") == true)
        #expect(rage.explanation?.contains("after Norfolk") == false)
        let context = try #require(catalog.decks.first { $0.id == "never-let-me-go-context" })
        let publicCard = try #require(context.cards.first { $0.id == "kirsty-public-ignorance" })
        #expect(publicCard.explanation?.contains("preferred not to think") == true)
    }
}
