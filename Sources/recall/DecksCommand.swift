import ArgumentParser

/// `recall decks`: List the decks recall can find.
struct DecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks recall can find."
    )

    mutating func run() throws {
        throw CleanExit.message("recall decks: not built yet")
    }
}
