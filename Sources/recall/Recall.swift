import ArgumentParser

/// The `recall` command: opens the study REPL, or runs one subcommand.
@main
struct Recall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "Study flashcards and take quizzes in the terminal, with spaced repetition.",
        version: "0.1.0",
        subcommands: [
            StudyCommand.self, QuizCommand.self, StatsCommand.self, DecksCommand.self,
            CheckCommand.self, SettingsCommand.self, LogCommand.self, ReplayCommand.self, DebugCommand.self,
        ]
    )

    mutating func run() throws {
        print("recall: the study REPL is not built yet")
    }
}
