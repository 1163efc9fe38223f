import ArgumentParser
import REPL

/// `recall study`: Run one spaced-repetition study session and exit.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Run one spaced-repetition study session and exit.",
        discussion: CommandName.study.details
    )

    @Argument(help: "The decks to study (default: every deck).")
    var decks: [String] = []

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only cards (or decks) with this tag (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    mutating func run() throws {
        try Recall.perform(.study(StudyRequest(decks: decks, tags: tags)), deckOptions, storeOptions)
    }
}
