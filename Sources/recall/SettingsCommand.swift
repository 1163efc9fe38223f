import ArgumentParser

/// `recall settings`: View or change a deck's scheduler, desired retention and new cards per day.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "View or change a deck's scheduler, desired retention and new cards per day."
    )

    mutating func run() throws {
        throw CleanExit.message("recall settings: not built yet")
    }
}
