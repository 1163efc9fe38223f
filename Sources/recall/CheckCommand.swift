import ArgumentParser
import Decks

/// `recall check`: Validate decks and report every problem with its file, line and column.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate decks and report every problem with its file, line and column.",
        discussion: """
            Prints every problem as FILE:LINE:COLUMN: error: card "ID": message, then a summary \
            line ("3 decks, 212 cards, 0 errors"; cards as written, not study items). Exits 1 \
            when there is any error, else 0.
            """
    )

    @Argument(help: "Deck files or directories to check (default: every deck recall finds).")
    var paths: [String] = []

    @OptionGroup var deckOptions: DeckOptions

    mutating func run() throws {
        let catalog =
            paths.isEmpty ? deckOptions.catalog() : DeckCatalog.load(paths: paths + deckOptions.directories)
        var output = ""
        for problem in catalog.problems { output += "\(problem)\n" }
        output += CheckCommand.summary(decks: catalog.results.count, cards: catalog.cardCount, errors: catalog.problems.count)
        print(output)
        if !catalog.problems.isEmpty { throw ExitCode.failure }
    }

    /// The last line: "3 decks, 212 cards, 0 errors".
    static func summary(decks: Int, cards: Int, errors: Int) -> String {
        func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
        return [count(decks, "deck"), count(cards, "card"), count(errors, "error")].joined(separator: ", ")
    }
}
