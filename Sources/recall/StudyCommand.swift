import ArgumentParser

/// `recall study`: Run one spaced-repetition study session and exit.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Run one spaced-repetition study session and exit."
    )

    mutating func run() throws {
        throw CleanExit.message("recall study: not built yet")
    }
}
