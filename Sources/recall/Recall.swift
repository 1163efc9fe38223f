import ArgumentParser
import REPL

/// The `recall` command: opens the study REPL, or runs one subcommand.
@main
struct Recall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "Study flashcards and take quizzes in the terminal, with spaced repetition.",
        discussion: "Without a subcommand, recall opens its prompt: type \"help\" there for the commands.",
        version: REPL.version,
        subcommands: [
            StudyCommand.self, QuizCommand.self, StatsCommand.self, DecksCommand.self,
            CheckCommand.self, SettingsCommand.self, LogCommand.self, ReplayCommand.self, DebugCommand.self,
        ]
    )

    @OptionGroup var deckOptions: DeckOptions

    mutating func run() throws {
        let library = Library(decks: deckOptions.loadDecks())
        let completion = library.completion
        let console = Console.standard { prefix, word in completion.candidates(linePrefix: prefix, word: word) }
        let status = Shell(console: console, library: library).run()
        if status != 0 { throw ExitCode(status) }
    }
}
