import Foundation
import Progress

extension Shell {
    /// `stats [DECK]`: the stats screen for every deck, or one (see `StatsScreen`).
    func stats(_ deckID: String?) -> Int32 {
        do {
            let report = try StatsScreen.report(
                store: workspace.store, decks: library.decks, deckID: deckID, now: workspace.clock())
            let screen = StatsScreen(
                style: console.style, width: console.wrapper.width, calendar: workspace.store.dayRollover.calendar)
            console.say(screen.lines(report, decks: library.decks).joined(separator: "\n"))
            return 0
        } catch let error as CommandError {
            console.fail(error.description)
            return 2
        } catch {
            console.fail("stats: \(error)")
            return 1
        }
    }
}
