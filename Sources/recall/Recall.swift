import ArgumentParser
import Foundation
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
    @OptionGroup var storeOptions: StoreOptions

    /// Runs the command; usage errors exit with status 2 (ArgumentParser's default is 64),
    /// as recall's convention says: 0 ok, 1 failed, 2 usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    mutating func run() throws {
        let shell = try Recall.shell(deckOptions, storeOptions)
        let status = shell.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// Loads the decks, opens the store and sets up the terminal, for the REPL and for
    /// the subcommands that run one of its commands.
    static func shell(_ deckOptions: DeckOptions, _ storeOptions: StoreOptions) throws -> Shell {
        let library = Library(decks: deckOptions.loadDecks())
        let workspace: Workspace
        do {
            workspace = try Workspace(library: library, storePath: storeOptions.resolvedPath)
        } catch {
            throw StartupFailure(message: "\(error)")
        }
        return Shell(console: Console.standard(), workspace: workspace)
    }

    /// Runs one REPL command as a subcommand and exits with its status.
    static func perform(_ command: ShellCommand, _ deckOptions: DeckOptions, _ storeOptions: StoreOptions) throws {
        let status = try shell(deckOptions, storeOptions).perform(command)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The store could not be opened: the message says why; exit status 1.
struct StartupFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
