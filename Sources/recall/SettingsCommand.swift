import ArgumentParser
import REPL

/// `recall settings`: View or change a deck's scheduler, desired retention and new cards per day.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "View or change a deck's scheduler, desired retention and new cards per day.",
        discussion: CommandName.settings.details
    )

    @Argument(help: "The deck (default: every deck).")
    var deck: String?

    @Option(help: ArgumentHelp("The scheduler: fsrs or sm2.", valueName: "name"))
    var scheduler: String?

    @Option(help: ArgumentHelp("FSRS's desired retention, from 0.7 to 0.99.", valueName: "r"))
    var retention: String?

    @Option(name: .customLong("new-per-day"), help: ArgumentHelp("New cards introduced per day, 0 to 9999.", valueName: "n"))
    var newPerDay: String?

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    mutating func validate() throws {
        _ = try request()
    }

    mutating func run() throws {
        try Recall.perform(.settings(try request()), deckOptions, storeOptions)
    }

    /// The request, with the values checked the same way as at the prompt.
    func request() throws -> SettingsRequest {
        do {
            return SettingsRequest(
                deck: deck, scheduler: try scheduler.map(SettingsRequest.parseScheduler),
                desiredRetention: try retention.map(SettingsRequest.parseRetention),
                newCardsPerDay: try newPerDay.map(SettingsRequest.parseNewPerDay))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
