import ArgumentParser
import Foundation
import Progress
import REPL
import Terminal

/// `recall stats`: Show how your study is going.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show how your study is going.",
        discussion: StatsScreen.details + """


            Reads the store without writing to it. An unknown deck is a usage error (exit \
            status 2); a store that cannot be read exits with status 1.
            """
    )

    @Argument(help: "Only this deck (default: every deck).")
    var deck: String?

    @Flag(help: "Print every figure as one JSON object instead.")
    var json = false

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    mutating func run() throws {
        let decks = deckOptions.loadDecks()
        var store: ProgressStore?
        do {
            // Stats only read, so they do not wait for the full integrity check (it reads the
            // whole file: longer than the stats on a large store); when reading fails, its
            // verdict explains why.
            store = try storeOptions.open(access: .readOnly, verified: false)
        } catch ProgressError.notFound {
            store = nil
        }
        let report: StatsReport
        do {
            report = try StatsScreen.report(store: store, decks: decks, deckID: deck, now: Date())
        } catch let error as CommandError {
            let usage = "Usage: recall \(Self.usageString())\n  See 'recall stats --help' for more information.\n"
            FileHandle.standardError.write(Data("Error: \(error)\n\(usage)".utf8))
            throw ExitCode(2)
        } catch {
            // A store that cannot be read may be damaged: the integrity check says so plainly.
            try store?.verify()
            throw error
        }
        let calendar = (store?.dayRollover ?? DayRollover()).calendar
        if json {
            print(try StatsJSON.text(report, decks: decks, calendar: calendar))
        } else {
            let screen = StatsScreen(style: .detect(), width: TextWrapper.forTerminal().width, calendar: calendar)
            print(screen.lines(report, decks: decks).joined(separator: "\n"))
        }
    }
}
