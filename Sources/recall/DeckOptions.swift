import ArgumentParser
import Decks
import Foundation

/// The `--decks DIR` option every command that reads decks embeds with `@OptionGroup`, and
/// the one place that finds and loads the decks.
///
///     @OptionGroup var deckOptions: DeckOptions
///     let decks = deckOptions.loadDecks()   // problems of broken decks go to stderr once
struct DeckOptions: ParsableArguments {
    @Option(
        name: .customLong("decks"),
        help: ArgumentHelp(
            "Also load the decks in this directory (repeatable).", valueName: "dir"))
    var directories: [String] = []

    /// Where to look: the bundled decks, the user's decks, then every `--decks DIR`.
    var searchDirectories: DeckDirectories {
        DeckDirectories.standard(extra: directories)
    }

    /// Finds and loads every deck, without printing anything.
    func catalog() -> DeckCatalog {
        DeckCatalog.discover(searchDirectories)
    }

    /// Finds and loads every deck, printing the problems of broken decks to standard error
    /// once; the valid decks are returned (a broken deck is skipped).
    func loadDecks() -> [Deck] {
        let catalog = catalog()
        DeckOptions.reportProblems(catalog.problems)
        return catalog.decks
    }

    /// Prints problems to standard error, one per line.
    static func reportProblems(_ problems: [DeckProblem]) {
        guard !problems.isEmpty else { return }
        let text = problems.map { "\($0)\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
