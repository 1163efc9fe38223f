import Decks
import Scheduling
import Testing

@testable import Study

@Suite struct QuestionTests {
    func item(_ card: String, _ variant: StudyItem.Variant = .forward) -> StudyItem {
        StudyItem(deckID: "plot", cardID: card, variant: variant)
    }

    @Test func basicAsksFrontThenBackAndReverse() throws {
        let card = Card(
            id: "narrator", content: .basic(front: "Who narrates?", back: "Kathy H.", reverse: true), hint: "a carer",
            explanation: "She tells it at 31.", source: "novel", location: "p. 3"
        )
        var random = SplitMix64(seed: 1)
        let forward = try #require(Question(card: card, item: item("narrator"), deckTitle: "Plot", random: &random))
        #expect(forward.prompt == "Who narrates?")
        #expect(forward.kind == .selfGraded(answer: "Kathy H."))
        #expect(forward.expectedAnswer == "Kathy H.")
        #expect(forward.typeName == "basic")
        #expect(!forward.isAutoGraded)
        #expect(forward.hint == "a carer")
        #expect(forward.explanation == "She tells it at 31.")
        #expect(forward.source == "novel")
        #expect(forward.location == "p. 3")
        #expect(forward.deckTitle == "Plot")
        #expect(forward.grade("") == .revealed)
        #expect(forward.grade("Kathy").proposedRating == nil)
        #expect(forward.letterHint == nil)

        let reverse = try #require(Question(card: card, item: item("narrator", .reverse), random: &random))
        #expect(reverse.prompt == "Kathy H.")
        #expect(reverse.expectedAnswer == "Who narrates?")
    }

    @Test func itemsThatDoNotBelongToTheCardGiveNoQuestion() {
        var random = SplitMix64(seed: 1)
        let oneWay = Card(id: "x", content: .basic(front: "F", back: "B", reverse: false))
        #expect(Question(card: oneWay, item: item("x", .reverse), random: &random) == nil)
        let cloze = Card(id: "c", content: .cloze(text: "{{c1::Ruth}} and Tommy"))
        #expect(Question(card: cloze, item: item("c", .cloze(2)), random: &random) == nil)
        #expect(Question(card: cloze, item: item("c"), random: &random) == nil)
    }

    @Test func typedGradesWithTheMatcherAndProposesARating() throws {
        let card = Card(
            id: "school", content: .typed(prompt: "Where did they grow up?", answers: ["Hailsham", "Hailsham House"]))
        var random = SplitMix64(seed: 1)
        let question = try #require(Question(card: card, item: item("school"), random: &random))
        #expect(question.kind == .typed(answers: ["Hailsham", "Hailsham House"]))
        #expect(question.expectedAnswer == "Hailsham")
        #expect(question.letterHint == "H_______")
        #expect(question.grade("hailsham") == .answered(.correct))
        #expect(question.grade("hailsham").proposedRating == .good)
        #expect(question.grade("Hailshem").proposedRating == .good)
        #expect(question.grade("").proposedRating == .again)
        #expect(question.grade("Norfolk") == .answered(.incorrect(closest: nil, differences: [])))
    }

    @Test func clozeMasksTheDeletionAndUsesItsHint() throws {
        let card = Card(
            id: "gallery", content: .cloze(text: "Madame kept a {{c1::Gallery::a collection}} of {{c2::art}}."),
            explanation: "To prove they had souls."
        )
        var random = SplitMix64(seed: 1)
        let first = try #require(Question(card: card, item: item("gallery", .cloze(1)), random: &random))
        #expect(first.prompt == "Madame kept a [a collection] of art.")
        #expect(first.kind == .cloze(answers: ["Gallery"]))
        #expect(first.hint == "a collection")
        #expect(first.expectedAnswer == "Gallery")
        #expect(first.typeName == "cloze")
        #expect(first.grade("the gallery") == .answered(.correct))
        #expect(first.grade("Galery").verdict?.isCorrect == true)
        let second = try #require(Question(card: card, item: item("gallery", .cloze(2)), random: &random))
        #expect(second.prompt == "Madame kept a Gallery of [...].")
        #expect(second.hint == nil)
        #expect(second.letterHint == "a__")
    }

    @Test func clozeWithSeveralBlanksTakesCommaSeparatedAnswers() throws {
        let card = Card(id: "pair", content: .cloze(text: "{{c1::Ruth}} and {{c1::Tommy}} go to Norfolk."))
        var random = SplitMix64(seed: 1)
        let question = try #require(Question(card: card, item: item("pair", .cloze(1)), random: &random))
        #expect(question.prompt == "[...] and [...] go to Norfolk.")
        #expect(question.expectedAnswer == "Ruth, Tommy")
        #expect(question.letterHint == "R___, T____")
        #expect(question.grade("ruth, tommy") == .answered(.correct))
        #expect(question.grade("Ruth; Tommy") == .answered(.correct))
        #expect(
            question.grade("Ruth, Tomy")
                == .answered(
                    .correctWithTypo(
                        expected: "Ruth, Tommy",
                        differences: [.init(.same, "Ruth, Tom"), .init(.expectedOnly, "m"), .init(.same, "y")]
                    )
                )
        )
        #expect(
            question.grade("Rith, Tommy")
                == .answered(
                    .incorrect(
                        closest: "Ruth, Tommy",
                        differences: [
                            .init(.same, "R"), .init(.typedOnly, "i"), .init(.expectedOnly, "u"),
                            .init(.same, "th, Tommy"),
                        ]
                    )
                )
        )
        #expect(question.grade("Kathy, Tommy") == .answered(.incorrect(closest: nil, differences: [])))
        // The wrong number of parts: the whole is compared with "Ruth, Tommy".
        #expect(question.grade("Ruth and Tommy").verdict?.isCorrect == false)
        #expect(question.grade("Ruth Tommy").verdict?.isCorrect == true)
    }

    @Test func choiceShufflesWithTheSeedAndGradesLetterOrText() throws {
        let card = Card(
            id: "where",
            content: .choice(
                prompt: "Where is Hailsham?", choices: ["Sussex", "Norfolk", "Wales", "Kent"], answer: "Sussex")
        )
        var random = SplitMix64(seed: 42)
        let question = try #require(Question(card: card, item: item("where"), random: &random))
        guard case .choice(let options, let correct) = question.kind else {
            Issue.record("not a choice: \(question.kind)")
            return
        }
        #expect(options.map(\.label) == ["a", "b", "c", "d"])
        #expect(Set(options.map(\.text)) == ["Sussex", "Norfolk", "Wales", "Kent"])
        #expect(options[correct].text == "Sussex")
        #expect(question.expectedAnswer == "\(options[correct].label)) Sussex")
        #expect(question.grade(options[correct].label) == .answered(.correct))
        #expect(question.grade("sussex") == .answered(.correct))
        #expect(
            question.grade(options[(correct + 1) % 4].label) == .answered(.incorrect(closest: nil, differences: [])))
        #expect(
            question.grade("e")
                == .invalid(message: "There is no choice e. Type a letter from a to d, or the text of a choice."))

        // The same seed gives the same order; the order changes from one showing to the next.
        var again = SplitMix64(seed: 42)
        let same = try #require(Question(card: card, item: item("where"), random: &again))
        #expect(same.kind == question.kind)
        var orders: Set<[String]> = []
        for _ in 0..<20 {
            if let next = Question(card: card, item: item("where"), random: &random),
                case .choice(let shown, _) = next.kind
            {
                orders.insert(shown.map(\.text))
            }
        }
        #expect(orders.count > 1)
    }

    @Test func trueFalseGrades() throws {
        let card = Card(id: "tf", content: .trueFalse(statement: "Tommy draws animals.", answer: true))
        var random = SplitMix64(seed: 1)
        let question = try #require(Question(card: card, item: item("tf"), random: &random))
        #expect(question.expectedAnswer == "true")
        #expect(question.typeName == "truefalse")
        #expect(question.grade("y") == .answered(.correct))
        #expect(question.grade("false") == .answered(.incorrect(closest: nil, differences: [])))
        #expect(question.grade("perhaps") == .invalid(message: TrueFalseSelection.usage))
    }
}

@Suite struct SplitMix64Tests {
    @Test func isReproducibleAndUniformEnough() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        var zero = SplitMix64(seed: 0)
        // The reference SplitMix64 sequence from seed 0.
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        #expect(zero.next() == 0x6E78_9E6A_A1B9_65F4)
        var counts = [0, 0, 0]
        var random = SplitMix64(seed: 3)
        for _ in 0..<3000 { counts[random.nextInt(below: 3)] += 1 }
        #expect(counts.allSatisfy { (900...1100).contains($0) })
        #expect(random.shuffled([Int]()).isEmpty)
        #expect(random.shuffled([1]) == [1])
        #expect(random.shuffled(Array(0..<10)).sorted() == Array(0..<10))
    }
}
