import Decks
import Foundation
import Progress
import Terminal

extension Shell {
    /// The first line: the version, what there is to study today, and how to start.
    ///
    /// - Throws: the store's error when today's queue cannot be read.
    func greeting() throws -> String {
        var text = "recall \(REPL.version)"
        let decks = library.decks
        if decks.isEmpty {
            text += ": no decks found (put deck files in ~/.local/share/recall/decks or pass --decks DIR)."
        } else {
            let queue = try workspace.store.queue(deckIDs: decks.map(\.id), now: workspace.clock())
            text += " · \(StudyScreen.count(decks.count, "deck")) · today: \(queue.new.count) new · "
                + "\(queue.learning.count) learning · \(queue.review.count) review."
        }
        return text + " Type \"study\" to start, \"help\" for the commands, Ctrl-D to leave."
    }

    /// `decks`: each deck with its size, its new cards and what is due today.
    func listDecks() -> Int32 {
        guard !library.decks.isEmpty else {
            console.tell("No decks found. Put deck files in ~/.local/share/recall/decks or pass --decks DIR.")
            return 0
        }
        let ids = library.deckIDs
        let states = (try? workspace.store.stateCounts(deckIDs: ids)) ?? [:]
        let due = (try? workspace.store.dueCounts(deckIDs: ids, now: workspace.clock())) ?? [:]
        let rows = library.decks.map { deck in
            [
                Sanitizer.clean(deck.id, keepNewlines: false), String(deck.studyItems.count),
                String(states[deck.id]?.new ?? 0), String(due[deck.id]?.today ?? 0),
                Sanitizer.clean(deck.title, keepNewlines: false),
            ]
        }
        console.say(Table.render(header: ["DECK", "CARDS", "NEW", "DUE", "TITLE"], rows: rows, style: console.style))
        return 0
    }
}
