import Decks
import Foundation
import Testing

@testable import Study

@Suite struct QuizTests {
    let plot = Deck(
        id: "plot", title: "Plot", description: "", tags: ["novel"],
        cards: [
            Card(id: "front", content: .basic(front: "Who narrates?", back: "Kathy", reverse: true), tags: ["kathy"]),
            Card(
                id: "age", content: .typed(prompt: "How old is Kathy?", answers: ["31", "thirty-one"]), tags: ["Kathy"]),
            Card(
                id: "where",
                content: .choice(
                    prompt: "Where is Hailsham?", choices: ["Sussex", "Norfolk", "Wales"], answer: "Sussex"),
                explanation: "In the countryside."
            ),
            Card(
                id: "carer", content: .trueFalse(statement: "Kathy is a carer.", answer: true),
                tags: ["kathy", "carers"]),
            Card(id: "pair", content: .cloze(text: "{{c1::Ruth}} and {{c2::Tommy}}")),
        ]
    )
    let themes = Deck(
        id: "themes", title: "Themes", description: "", tags: ["Ideas"],
        cards: [Card(id: "art", content: .typed(prompt: "What did Madame collect?", answers: ["art"]))]
    )

    func keys(_ quiz: Quiz) -> [String] {
        quiz.questions.map { "\($0.item.deckID)/\($0.item.key)" }
    }

    @Test func asksOnlyAutoGradedItemsWithoutRepeats() {
        let quiz = Quiz(decks: [plot, themes], count: 100, seed: 1)
        #expect(quiz.available == 6)
        #expect(
            Set(keys(quiz)) == ["plot/age", "plot/where", "plot/carer", "plot/pair#c1", "plot/pair#c2", "themes/art"])
        #expect(quiz.questions.count == 6)
        let allAutoGraded = quiz.questions.allSatisfy(\.isAutoGraded)
        #expect(allAutoGraded)
    }

    @Test func thePickIsReproducibleFromTheSeed() {
        let first = Quiz(decks: [plot, themes], count: 4, seed: 7)
        let again = Quiz(decks: [plot, themes], count: 4, seed: 7)
        #expect(keys(first) == ["themes/art", "plot/pair#c2", "plot/where", "plot/pair#c1"])
        #expect(first.questions == again.questions)
        let other = Quiz(decks: [plot, themes], count: 4, seed: 8)
        #expect(keys(other) != keys(first))
    }

    @Test func defaultsToTenQuestions() {
        let big = Deck(
            id: "big", title: "Big", description: "",
            cards: (1...30).map {
                Card(id: "q\($0)", content: .trueFalse(statement: "Statement \($0)", answer: $0 % 2 == 0))
            }
        )
        let quiz = Quiz(decks: [big], seed: 3)
        #expect(quiz.questions.count == 10)
        #expect(Set(keys(quiz)).count == 10)
        #expect(Quiz(decks: [big], count: 0, seed: 3).questions.isEmpty)
    }

    @Test func filtersByCardOrDeckTagsIgnoringCase() {
        #expect(
            Set(keys(Quiz(decks: [plot, themes], tags: ["KATHY"], count: 10, seed: 1))) == ["plot/age", "plot/carer"])
        #expect(
            Set(keys(Quiz(decks: [plot, themes], tags: ["ideas", "carers"], count: 10, seed: 1))) == [
                "themes/art", "plot/carer",
            ])
        #expect(Quiz(decks: [plot, themes], tags: ["novel"], count: 10, seed: 1).available == 5)
        let none = Quiz(decks: [plot, themes], tags: ["nothing"], count: 10, seed: 1)
        #expect(none.available == 0)
        var empty = none
        #expect(empty.next(at: t0) == nil)
        #expect(empty.result.score == "0/0")
    }

    @Test func gradesRecordsPracticeAndScores() throws {
        var quiz = Quiz(decks: [plot], tags: ["kathy"], count: 2, seed: 1)
        var asked: [String] = []
        var now = t0
        while let question = quiz.next(at: now) {
            asked.append(question.item.cardID)
            #expect(quiz.number == asked.count)
            now += 5
            if question.item.cardID == "carer" {
                #expect(quiz.submit("maybe", at: now) == .invalid(message: TrueFalseSelection.usage))
                guard case .graded(let answer) = quiz.submit("no", at: now + 1) else {
                    Issue.record("not graded")
                    return
                }
                #expect(answer.verdict == .incorrect(closest: nil, differences: []))
                #expect(answer.rating == .again)
                #expect(answer.duration == 6)
                #expect(answer.durationMilliseconds == 6000)
                #expect(answer.answer == "no")
            } else {
                guard case .graded(let answer) = quiz.submit(" thirty  one ", at: now) else {
                    Issue.record("not graded")
                    return
                }
                #expect(answer.verdict == .correct)
                #expect(answer.rating == .good)
                #expect(answer.answer == "thirty one")
            }
        }
        #expect(Set(asked) == ["age", "carer"])
        let result = quiz.result
        #expect(result.total == 2)
        #expect(result.answered == 2)
        #expect(result.correct == 1)
        #expect(result.score == "1/2 (50%)")
        #expect(result.missed.map(\.question.item.cardID) == ["carer"])
        #expect(result.missed.first?.question.expectedAnswer == "true")
        #expect(quiz.submit("t", at: now) == .invalid(message: "The quiz is over."))
        #expect(quiz.giveUp(at: now) == nil)
    }

    @Test func givingUpCountsAsMissedAndQuittingEarlyScoresWhatWasAnswered() {
        var quiz = Quiz(decks: [plot, themes], count: 3, seed: 2)
        _ = quiz.next(at: t0)
        let missed = quiz.giveUp(at: t0 + 2)
        #expect(missed?.answer == "")
        #expect(missed?.verdict.isCorrect == false)
        #expect(missed?.duration == 2)
        let result = quiz.result
        #expect(result.total == 3)
        #expect(result.answered == 1)
        #expect(result.score == "0/1 (0%)")
        #expect(result.missed.count == 1)
        #expect(quiz.given.count == 1)
    }
}
