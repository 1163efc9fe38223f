import Decks
import Foundation
import Scheduling
import Study
import Terminal
import Testing

@testable import App

/// Keeps what a session saved, in order, as text.
final class FakeRecorder: SessionRecorder, QuizRecorder {
    var log: [String] = []
    var failNextSave = false

    func save(_ review: SessionReview, reschedule: (CardState) -> CardState) throws -> SessionReview {
        if failNextSave {
            failNextSave = false
            throw ProgressFailure()
        }
        log.append(
            "save \(review.item.key) \(review.rating)" + review.buriedSiblings.map { " bury \($0.key)" }.joined())
        return review
    }
    func apply(_ change: SessionChange) throws { log.append("apply \(describe(change))") }
    func takeBack(_ change: SessionChange) throws { log.append("take back \(describe(change))") }
    func finish(_ summary: SessionSummary) throws { log.append("finish \(summary.studied)") }
    func save(_ answer: QuizAnswer) throws { log.append("practice \(answer.item.key) \(answer.rating)") }
    func finish(_ result: QuizResult) throws { log.append("finish quiz \(result.score)") }

    private func describe(_ change: SessionChange) -> String {
        switch change {
        case .reviewed(let review): "review \(review.item.key) \(review.rating)"
        case .buried(let item, _): "bury \(item.key)"
        case .suspended(let item): "suspend \(item.key)"
        }
    }

    struct ProgressFailure: Error, CustomStringConvertible {
        var description: String { "the disk is full" }
    }
}

/// A session over the fixture deck, driven by scripted input, with a fixed clock.
struct SessionHarness {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let deck = Deck(
        id: "sample", title: "Sample", description: "",
        cards: [
            Card(
                id: "t", content: .typed(prompt: "Which school did Kathy attend?", answers: ["Hailsham"]),
                explanation: "Kathy grew up at Hailsham."),
            Card(id: "tf", content: .trueFalse(statement: "Kathy is a carer.", answer: true)),
            Card(id: "b", content: .basic(front: "Who narrates?", back: "Kathy H.", reverse: false), hint: "a carer"),
        ])

    let output = CapturedOutput()
    let recorder = FakeRecorder()
    let runner: StudyRunner

    init(_ lines: [LineInput], cards: [Card]? = nil) throws {
        let deck = Deck(id: "sample", title: "Sample", description: "", cards: cards ?? Self.deck.cards)
        let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
        let studyCards = deck.cards.flatMap { card in
            card.studyItems(deckID: deck.id).map {
                StudyCard(item: $0, card: card, deckTitle: deck.title, state: .new(due: Self.start))
            }
        }
        let session = StudySession(cards: studyCards, scheduler: scheduler, startedAt: Self.start)
        let console = Console(
            reader: ScriptedLineReader(lines, output: output), output: output, errors: output, style: .plain,
            wrapper: TextWrapper(width: 80))
        runner = StudyRunner(
            session: session, console: console, recorder: recorder, clock: { Self.start.addingTimeInterval(5) },
            nextDay: { $0.addingTimeInterval(86_400) })
    }

    init(lines: [String], cards: [Card]? = nil) throws {
        try self.init(lines.map(LineInput.line), cards: cards)
    }
}

@Suite struct StudyRunnerTests {
    @Test func aTypoIsForgivenAndShownAndEnterAcceptsTheProposedRating() throws {
        let harness = try SessionHarness(lines: ["hailshem", "", "t", "2", "", "x", "3"])
        // The learning cards come back within the session; the script ends before they do.
        #expect(harness.runner.run() == .endOfInput)
        #expect(harness.recorder.log == ["save t good", "save tf hard", "save b good"])
        #expect(
            harness.output.text.hasPrefix(
                """

                Sample · typed    new 3 · learning 0 · review 0
                Which school did Kathy attend?
                answer> hailshem
                Right, with a typo: Hailsh[-e-]{+a+}m
                Answer: Hailsham
                  Kathy grew up at Hailsham.
                1 again 1m  2 hard 5.5m  3 good 10m  4 easy 8d
                rating [3 good]> 

                Sample · truefalse    new 2 · learning 1 · review 0
                Kathy is a carer.
                  true or false?
                t/f> t
                Right.
                1 again 1m  2 hard 5.5m  3 good 10m  4 easy 8d
                rating [3 good]> 2

                Sample · basic    new 1 · learning 2 · review 0
                Who narrates?
                (Enter shows the answer) > 
                Answer: Kathy H.
                1 again 1m  2 hard 5.5m  3 good 10m  4 easy 8d
                rating 1-4> x
                Type 1 (again), 2 (hard), 3 (good) or 4 (easy).
                rating 1-4> 3

                Sample · truefalse    new 0 · learning 3 · review 0

                """))
    }

    @Test func aWrongAnswerProposesAgainAndCommandsWork() throws {
        let harness = try SessionHarness(lines: [
            ":hnt", ":hint", "Cottages", "", ":undo", ":hint", "Hailsham", "4", ":quit",
        ])
        #expect(harness.runner.run() == .quit)
        #expect(harness.recorder.log == ["save t again", "take back review t again", "save t easy"])
        let text = harness.output.text
        #expect(
            text.contains(
                "answer> :hnt\nunknown command \":hnt\" (did you mean \":hint\"?); type :help for the session commands\n"
            ))
        #expect(text.contains("answer> :hint\nHint: H_______\n"))
        #expect(text.contains("answer> Cottages\nWrong.\nAnswer: Hailsham\n  Kathy grew up at Hailsham.\n"))
        #expect(text.contains("rating [1 again]> \n"))
        #expect(text.contains("rating [3 good]> 4\n"))
        #expect(
            text.contains(
                "Undone: the answer rated again is taken back.\n\nSample · typed    new 3 · learning 0 · review 0\n"))
    }

    @Test func ctrlCEndsTheSessionAfterSavingEveryRatedAnswer() throws {
        let harness = try SessionHarness([.line("Hailsham"), .line(""), .line("t"), .interrupted])
        #expect(harness.runner.run() == .interrupted)
        #expect(harness.recorder.log == ["save t good"])
    }

    @Test func skipBuryAndSuspend() throws {
        let harness = try SessionHarness(lines: [":skip", ":bury", ":suspend", "x"])
        #expect(harness.runner.run() == .endOfInput)
        #expect(harness.recorder.log == ["apply bury tf", "apply suspend b"])
        #expect(harness.output.text.contains("Skipped: it comes back later in this session."))
        #expect(harness.output.text.contains("Buried until tomorrow."))
        let summary = harness.runner.session.summary(at: SessionHarness.start)
        #expect(summary.buried == 1 && summary.suspended == 1)
    }

    @Test func aFailedSaveStopsTheSessionAndSaysSo() throws {
        let harness = try SessionHarness(lines: ["Hailsham", ""])
        harness.recorder.failNextSave = true
        #expect(
            harness.runner.run()
                == .failed("Your last answer could not be saved, so the session stopped: the disk is full"))
        #expect(harness.runner.session.summary(at: SessionHarness.start).studied == 0)
    }
}
