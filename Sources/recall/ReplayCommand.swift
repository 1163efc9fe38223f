import ArgumentParser

/// `recall replay`: Replay a review history (CSV) and print each card's memory state after every review.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a review history (CSV) and print each card's memory state after every review."
    )

    mutating func run() throws {
        throw CleanExit.message("recall replay: not built yet")
    }
}
