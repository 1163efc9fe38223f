import Decks
import Foundation
import Progress
import Scheduling
import Study
import Terminal

extension Shell {
    /// `study [DECK...] [--tag T]`: one study session; returns the exit status.
    func study(_ request: StudyRequest) -> Int32 {
        guard let decks = chosenDecks(request.decks, tags: request.tags) else { return 2 }
        let now = workspace.clock()
        let screen = StudyScreen(style: console.style, wrapper: console.wrapper)
        do {
            let cards = try workspace.studyCards(decks: decks, tags: request.tags, at: now)
            guard !cards.isEmpty else {
                console.tell(nothingToStudy(decks: decks, tags: request.tags, at: now))
                return 0
            }
            let scheduler = try SchedulerConfiguration().makeScheduler()
            let session = StudySession(
                cards: cards, scheduler: scheduler, deckSchedulers: try workspace.schedulers(for: decks),
                options: StudySessionOptions(seed: UInt64.random(in: 0...UInt64.max)), startedAt: now)
            let recorder = try StoreRecorder(store: workspace.store, kind: .study, deckIDs: decks.map(\.id), clock: workspace.clock)
            let counts = session.remaining(at: now)
            console.tell(
                console.style.bold("Studying " + titles(decks)) + ": \(counts.new) new · \(counts.learning) learning · \(counts.review) review"
                    + " (:help for the session commands)")
            let runner = StudyRunner(
                session: session, console: console, recorder: recorder, clock: workspace.clock,
                nextDay: workspace.nextDay(after:))
            let ending = runner.run()
            let end = workspace.clock()
            let summary = runner.session.summary(at: end)
            try? recorder.finish(summary)
            console.say()
            console.tell(screen.summary(summary, ending: ending, outlook: workspace.outlook(decks: decks, at: end), at: end))
            if case .failed = ending { return 1 }
            return 0
        } catch {
            console.fail("\(error)")
            return 1
        }
    }

    /// `quiz [DECK...] [--count N] [--tag T]`: one practice quiz; returns the exit status.
    func quiz(_ request: QuizRequest) -> Int32 {
        guard let decks = chosenDecks(request.decks, tags: request.tags) else { return 2 }
        let screen = StudyScreen(style: console.style, wrapper: console.wrapper)
        let quiz = Quiz(decks: decks, tags: request.tags, count: request.count, seed: UInt64.random(in: 0...UInt64.max))
        guard !quiz.questions.isEmpty else {
            let tags = request.tags.isEmpty ? "" : " tagged " + request.tags.map { "\"\($0)\"" }.joined(separator: " or ")
            console.tell("No questions to ask: \(titles(decks)) \(decks.count == 1 ? "has" : "have") no typed, cloze, choice or true/false cards\(tags).")
            return 0
        }
        do {
            let recorder = try StoreRecorder(store: workspace.store, kind: .quiz, deckIDs: decks.map(\.id), clock: workspace.clock)
            let fewer = quiz.questions.count < request.count ? " (all there are)" : ""
            console.tell(
                console.style.bold("Quiz: \(StudyScreen.count(quiz.questions.count, "question"))\(fewer) from " + titles(decks)) + "."
                    + " Answers are kept as practice and do not change the schedule; :skip gives up on a question, :quit stops.")
            let runner = QuizRunner(quiz: quiz, console: console, recorder: recorder, clock: workspace.clock)
            let ending = runner.run()
            try? recorder.finish(runner.quiz.result)
            console.say()
            console.say(screen.quizResult(runner.quiz.result, ending: ending))
            if case .failed = ending { return 1 }
            return 0
        } catch {
            console.fail("\(error)")
            return 1
        }
    }

    /// The decks named (all when none), or `nil` after saying which name is unknown.
    func chosenDecks(_ ids: [String], tags: [String] = []) -> [Deck]? {
        do {
            let decks = try library.decks(named: ids)
            try library.checkTags(tags)
            if decks.isEmpty {
                console.fail("No decks found. Put deck files in ~/.local/share/recall/decks or pass --decks DIR.")
                return nil
            }
            return decks
        } catch {
            console.fail(error.description)
            return nil
        }
    }

    /// "Plot, Characters" (sanitised), or "all 5 decks".
    func titles(_ decks: [Deck]) -> String {
        if decks.count > 3 { return (decks.count == library.decks.count ? "all " : "") + "\(decks.count) decks" }
        return decks.map { Sanitizer.clean($0.title, keepNewlines: false) }.joined(separator: ", ")
    }

    /// What to say when nothing is due.
    func nothingToStudy(decks: [Deck], tags: [String], at now: Date) -> String {
        let scope = tags.isEmpty ? "" : " tagged " + tags.map { "\"\($0)\"" }.joined(separator: " or ")
        var text = "Nothing to study in \(titles(decks))\(scope) right now"
        if let outlook = workspace.outlook(decks: decks, at: now), outlook.tomorrow > 0 {
            text += ": \(StudyScreen.count(outlook.tomorrow, "card")) \(outlook.tomorrow == 1 ? "is" : "are") due tomorrow"
        }
        return text + ". Try \"quiz\" for practice that does not change the schedule."
    }
}
