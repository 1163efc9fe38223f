import ArgumentParser
import Decks
import Study

/// `quiz [DECK...] [--count N] [--tag T]`: a practice quiz; answers do not change the schedule.
struct QuizCommand: RecallCommand, ReadsDecks, UsesStore {
    /// The number of questions when `--count` is not given.
    static let defaultCount = 10
    /// The most questions a quiz may have.
    static let maximumCount = 1000

    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a practice quiz; it does not change the schedule.",
        discussion: """
            Questions are typed, cloze, choice and true/false cards at random; at the end, \
            the score and every missed question with its answer. Answers are kept in your \
            history as practice. :skip gives up on a question, :quit stops.
            """
    )

    @Argument(
        help: ArgumentHelp("The decks to draw questions from (default: every deck).", valueName: CompletionValue.deck))
    var decks: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("How many questions, 1 to \(QuizCommand.maximumCount).", valueName: "n"),
        transform: { try OptionValue.wholeNumber($0, in: 1...QuizCommand.maximumCount) })
    var count: Int = QuizCommand.defaultCount

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
        let titles = workspace.library.titles(chosen)
        let quiz = Quiz(decks: chosen, tags: tags, count: count, seed: UInt64.random(in: 0...UInt64.max))
        guard !quiz.questions.isEmpty else {
            let tagged = tags.isEmpty ? "" : " tagged " + tags.map { "\"\($0)\"" }.joined(separator: " or ")
            console.tell(
                "No questions to ask: \(titles) \(chosen.count == 1 ? "has" : "have") no typed, cloze, choice or "
                    + "true/false cards\(tagged).")
            return
        }
        let recorder = try StoreRecorder(
            store: workspace.store, kind: .quiz, deckIDs: chosen.map(\.id), clock: workspace.clock)
        let fewer = quiz.questions.count < count ? " (all there are)" : ""
        console.tell(
            console.style.bold("Quiz: \(StudyScreen.count(quiz.questions.count, "question"))\(fewer) from " + titles)
                + "."
                + " Answers are kept as practice and do not change the schedule; :skip gives up on a question, :quit stops."
        )
        let runner = QuizRunner(quiz: quiz, console: console, recorder: recorder, clock: workspace.clock)
        let ending = runner.run()
        try? recorder.finish(runner.quiz.result)
        console.say()
        let screen = StudyScreen(style: console.style, wrapper: console.wrapper)
        console.say(screen.quizResult(runner.quiz.result, ending: ending))
        if case .failed = ending { throw ExitCode.failure }
    }
}
