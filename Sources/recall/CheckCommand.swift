import ArgumentParser

/// `recall check`: Validate decks and report every problem with its file, line and column.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate decks and report every problem with its file, line and column."
    )

    mutating func run() throws {
        throw CleanExit.message("recall check: not built yet")
    }
}
