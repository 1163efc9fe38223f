import ArgumentParser
import Foundation
import Progress
import Terminal

/// `stats [DECK] [--json]`: how your study is going.
struct StatsCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show how your study is going.",
        discussion: StatsScreen.details + """


            Reads the store without writing to it. An unknown deck is a usage error (exit \
            status 2); a store that cannot be read, or is damaged, exits with status 1.
            """
    )

    @Argument(help: ArgumentHelp("Only this deck (default: every deck).", valueName: CompletionValue.deck))
    var deck: String?

    @Flag(help: "Print every figure as one JSON object instead.")
    var json = false

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    func run(in context: CommandContext) throws {
        let decks = context.library.decks
        // The store's integrity check runs while the report is read; its verdict comes
        // before anything is printed, so a damaged store is refused as everywhere else.
        let store = try context.existingStore(verified: false)
        let now = context.clock()
        let report: StatsReport
        do {
            report = try StatsScreen.report(store: store, decks: decks, deckID: deck, now: now)
        } catch {
            try store?.verify()
            throw error
        }
        let orphaned =
            deck == nil ? try store.map { try Set($0.deckIDs()).subtracting(decks.map(\.id)).sorted() } ?? [] : []
        try store?.verify()
        let calendar = (store?.dayRollover ?? DayRollover()).calendar
        let console = context.console
        if json {
            console.say(try StatsJSON.text(report, decks: decks, calendar: calendar, orphanedDecks: orphaned))
        } else {
            let screen = StatsScreen(style: console.style, width: console.wrapper.width, calendar: calendar)
            console.say(screen.lines(report, decks: decks).joined(separator: "\n"))
            if !orphaned.isEmpty {
                console.say()
                console.tell(DecksCommand.orphanNote(orphaned))
            }
        }
    }
}
