import Decks
import Foundation
import Progress
import Terminal

extension Shell {
    /// `stats [DECK]`: a simple view for now: each deck's cards by phase and what is due.
    func stats(_ deckID: String?) -> Int32 {
        guard let decks = chosenDecks(deckID.map { [$0] } ?? []) else { return 2 }
        do {
            let ids = decks.map(\.id)
            let now = workspace.clock()
            let states = try workspace.store.stateCounts(deckIDs: ids)
            let due = try workspace.store.dueCounts(deckIDs: ids, now: now)
            let header = ["DECK", "NEW", "LEARNING", "REVIEW", "SUSPENDED", "DUE TODAY", "TOMORROW"]
            let rows = decks.map { deck in
                let state = states[deck.id]
                let dueCounts = due[deck.id]
                return [
                    Sanitizer.clean(deck.id, keepNewlines: false), String(state?.new ?? 0),
                    String((state?.learning ?? 0) + (state?.relearning ?? 0)), String(state?.review ?? 0),
                    String(state?.suspended ?? 0), String(dueCounts?.today ?? 0), String(dueCounts?.tomorrow ?? 0),
                ]
            }
            console.say(Table.render(header: header, rows: rows, style: console.style))
            return 0
        } catch {
            console.fail("stats: \(error)")
            return 1
        }
    }
}
