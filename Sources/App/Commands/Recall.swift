import ArgumentParser
import Foundation

/// `recall`: opens the prompt, or runs one subcommand and exits.
///
/// The subcommands are `CommandRegistry.commands`; at the prompt the same types parse
/// each line, so both places share one grammar.
public struct Recall: RecallCommand, ReadsDecks, UsesStore {
    /// recall's version, as `recall --version` prints it.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "Study flashcards and take quizzes in the terminal, with spaced repetition.",
        discussion: """
            Without a subcommand, recall opens its prompt, where every subcommand below is a \
            command too (type "help" there). Exit status: 0 ok, 1 failed, 2 a usage error.
            """,
        version: version,
        subcommands: CommandRegistry.commands.map { $0 as any ParsableCommand.Type }
    )

    @OptionGroup public var deckOptions: DeckOptions
    @OptionGroup public var storeOptions: StoreOptions

    /// Creates the command (ArgumentParser fills in its options).
    public init() {}

    /// Opens the prompt until `quit`, `exit` or Ctrl-D.
    public func run(in context: CommandContext) throws {
        let status = Shell(context: context).run()
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs recall with the process's arguments and exits with the command's status.
    public static func main() {
        let words = Array(CommandLine.arguments.dropFirst())
        let status: Int32
        switch CommandRunner.parse(words, atPrompt: false) {
        case .command(let command):
            status = CommandRunner.run(command, in: CommandContext.standard(for: command))
        default:
            status = CommandRunner.run(words, in: CommandContext(console: .standard()), atPrompt: false)
        }
        Foundation.exit(status)
    }
}
