import ArgumentParser

/// The `--decks DIR` option of every command that reads decks (`@OptionGroup var
/// deckOptions: DeckOptions`, and conformance to `ReadsDecks`).
public struct DeckOptions: ParsableArguments {
    /// The extra deck directories, in order.
    @Option(
        name: .customLong("decks"),
        help: ArgumentHelp("Also load the decks in this directory (repeatable).", valueName: "dir"),
        completion: .directory)
    public var directories: [String] = []

    /// Creates the options (ArgumentParser fills them in).
    public init() {}
}
