import ArgumentParser

/// `recall stats`: Show how your study is going.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show how your study is going."
    )

    mutating func run() throws {
        throw CleanExit.message("recall stats: not built yet")
    }
}
