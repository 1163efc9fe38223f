import Decks
import Foundation
import Progress
import Scheduling
import Terminal

extension Shell {
    /// `settings [DECK] [--scheduler S] [--retention R] [--new-per-day N]`: shows a deck's
    /// settings (every deck's without one), and changes them when options are given (every
    /// deck's without a deck). Returns the exit status.
    func settings(_ request: SettingsRequest) -> Int32 {
        guard let decks = chosenDecks(request.deck.map { [$0] } ?? []) else { return 2 }
        do {
            if request.changesSomething {
                for deck in decks {
                    var settings = try workspace.store.settings(for: deck.id)
                    if let kind = request.scheduler { settings.scheduler.kind = kind }
                    if let retention = request.desiredRetention { settings.scheduler.desiredRetention = retention }
                    if let perDay = request.newCardsPerDay { settings.newCardsPerDay = perDay }
                    try settings.scheduler.validate()
                    try workspace.store.saveSettings(settings, for: deck.id)
                }
                console.say("Saved for \(request.deck == nil ? "every deck" : Sanitizer.clean(decks[0].id, keepNewlines: false)).")
            }
            let rows = try decks.map { deck in (deck, try workspace.store.settings(for: deck.id)) }
            console.say(settingsTable(rows))
            if !request.changesSomething {
                let example = request.deck.map { Sanitizer.clean($0, keepNewlines: false) + " " } ?? ""
                console.tell(console.style.dim("Change with: settings \(example)--scheduler fsrs|sm2 --retention 0.9 --new-per-day 20"
                    + (request.deck == nil ? " (without a deck: every deck)" : "")))
            }
            return 0
        } catch {
            console.fail("settings: \(error)")
            return 1
        }
    }

    /// The settings as an aligned table, one deck per row.
    func settingsTable(_ rows: [(Deck, DeckSettings)]) -> String {
        let header = ["DECK", "SCHEDULER", "RETENTION", "NEW/DAY"]
        let cells = rows.map { deck, settings in
            [
                Sanitizer.clean(deck.id, keepNewlines: false), settings.scheduler.kind.rawValue,
                settings.scheduler.kind == .fsrs ? String(format: "%.2f", settings.scheduler.desiredRetention) : "-",
                String(settings.newCardsPerDay),
            ]
        }
        return Table.render(header: header, rows: cells, style: console.style)
    }
}
