import ArgumentParser
import Decks
import Foundation
import Scheduling
import Study

/// `study [DECK...] [--tag T]`: one spaced-repetition study session.
struct StudyCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study what is due (every deck, or the ones named), with spaced repetition.",
        discussion: """
            Due learning cards come first, then due reviews, then new cards up to the day's \
            limit. Type the answer (or press Enter to reveal a basic card), then rate it: 1 \
            again, 2 hard, 3 good, 4 easy; Enter accepts the proposed rating. During a \
            session: :hint  :skip (comes back later)  :bury (until tomorrow)  :suspend  :undo \
            (the previous answer)  :quit. Ctrl-C ends the session too; every answer is saved \
            as soon as it is given.
            """
    )

    @Argument(help: ArgumentHelp("The decks to study (default: every deck).", valueName: CompletionValue.deck))
    var decks: [String] = []

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("Only cards (or decks) with this tag (repeatable).", valueName: CompletionValue.tag))
    var tags: [String] = []

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    func run(in context: CommandContext) throws {
        let chosen = try context.chosenDecks(decks, tags: tags)
        let workspace = try context.workspace()
        let console = context.console
        let now = workspace.clock()
        let cards = try workspace.studyCards(decks: chosen, tags: tags, at: now)
        guard !cards.isEmpty else {
            console.tell(nothingToStudy(workspace, decks: chosen, at: now))
            return
        }
        let scheduler = try SchedulerConfiguration().makeScheduler()
        let session = StudySession(
            cards: cards, scheduler: scheduler, deckSchedulers: try workspace.schedulers(for: chosen),
            options: StudySessionOptions(
                seed: UInt64.random(in: 0...UInt64.max), siblingsKeptIn: try workspace.decksKeepingSiblings(chosen)),
            startedAt: now)
        let recorder = try StoreRecorder(
            store: workspace.store, kind: .study, deckIDs: chosen.map(\.id), clock: workspace.clock)
        let counts = session.remaining(at: now)
        console.tell(
            console.style.bold("Studying " + workspace.library.titles(chosen))
                + ": \(counts.new) new · \(counts.learning) learning · \(counts.review) review"
                + " (:help for the session commands)")
        let runner = StudyRunner(
            session: session, console: console, recorder: recorder, clock: workspace.clock,
            nextDay: workspace.nextDay(after:))
        let ending = runner.run()
        let end = workspace.clock()
        let summary = runner.session.summary(at: end)
        try? recorder.finish(summary)
        console.say()
        let screen = StudyScreen(style: console.style, wrapper: console.wrapper)
        console.tell(
            screen.summary(summary, ending: ending, outlook: workspace.outlook(decks: chosen, at: end), at: end))
        if case .failed = ending { throw ExitCode.failure }
    }

    /// What to say when nothing is due.
    func nothingToStudy(_ workspace: Workspace, decks chosen: [Deck], at now: Date) -> String {
        let scope = tags.isEmpty ? "" : " tagged " + tags.map { "\"\($0)\"" }.joined(separator: " or ")
        var text = "Nothing to study in \(workspace.library.titles(chosen))\(scope) right now"
        if let outlook = workspace.outlook(decks: chosen, at: now), outlook.tomorrow > 0 {
            text +=
                ": \(StudyScreen.count(outlook.tomorrow, "card")) \(outlook.tomorrow == 1 ? "is" : "are") due tomorrow"
        }
        return text + ". Try \"quiz\" for practice that does not change the schedule."
    }
}
