import ArgumentParser

/// `recall log`: Export your review history as CSV, in the layout `recall replay` reads.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Export your review history as CSV, in the layout `recall replay` reads."
    )

    mutating func run() throws {
        throw CleanExit.message("recall log: not built yet")
    }
}
