import ArgumentParser

/// `recall quiz`: Take a practice quiz; answers do not change the schedule.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a practice quiz; answers do not change the schedule."
    )

    mutating func run() throws {
        throw CleanExit.message("recall quiz: not built yet")
    }
}
