import ArgumentParser

/// A command of recall: one type that is both the subcommand `recall X` and the command
/// `X` at the prompt, with the same options, defaults, help, errors and completion.
///
/// A command declares its arguments with ArgumentParser's property wrappers and does its
/// work in `run(in:)`, through the context's decks, store and console, never through
/// `print` or `FileHandle`. Add it to `CommandRegistry.commands` and it exists in both
/// places (see "Adding a command" in DEVELOPERS.md).
public protocol RecallCommand: ParsableCommand {
    /// Runs the command.
    ///
    /// - Throws: `UsageError` for a mistake in what was asked (exit status 2, printed with
    ///   the command's usage line); `ExitCode` when the command has printed its own
    ///   verdict (`check` finding problems); any other error is a failure, printed as
    ///   `error: MESSAGE` (exit status 1).
    func run(in context: CommandContext) throws
}

extension RecallCommand {
    /// Runs the command as a subcommand of `recall`, in a context made from its own
    /// `--decks` and `--store` options, and ends with its status.
    public mutating func run() throws {
        let context = CommandContext.standard(for: self)
        let status = CommandRunner.run(self, in: context)
        if status != 0 { throw ExitCode(status) }
    }
}

/// A command that reads decks: its `--decks DIR` options (`@OptionGroup var deckOptions`).
public protocol ReadsDecks {
    /// The `--decks` directories given.
    var deckOptions: DeckOptions { get }
}

/// A command that uses the progress store: its `--store PATH` option (`@OptionGroup var storeOptions`).
public protocol UsesStore {
    /// The `--store` path given.
    var storeOptions: StoreOptions { get }
}
