import ArgumentParser
import Decks
import Foundation
import Progress
import Terminal

/// `decks [--json]`: the decks recall finds, with their cards, what is new and what is due.
struct DecksCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks, with their cards, new cards and what is due today.",
        discussion: """
            Looks in the bundled decks, then $XDG_DATA_HOME/recall/decks (default \
            ~/.local/share/recall/decks), then every --decks DIR. CARDS counts the cards as \
            written, ITEMS what is studied (a reversed card or each cloze deletion is an item \
            of its own), NEW the items never studied, DUE the items due today. A broken deck \
            is reported on standard error and left out; `recall check` shows every problem. \
            Decks whose file is gone but whose progress is kept are listed after the table.
            """
    )

    @Flag(help: "Print a JSON array of {id, title, cards, items, new, due, file} for scripts.")
    var json = false

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    /// One deck of the listing.
    struct Row: Encodable, Hashable {
        var id: String
        var title: String
        /// Cards as written in the file.
        var cards: Int
        /// Study items: cards, reverses and cloze deletions.
        var items: Int
        /// Items never studied.
        var new: Int
        /// Items due today (overdue included).
        var due: Int
        var file: String
    }

    func run(in context: CommandContext) throws {
        let decks = context.library.decks
        let store = try context.existingStore(verified: false)
        let ids = decks.map(\.id)
        let states = try store?.stateCounts(deckIDs: ids) ?? [:]
        let due = try store?.dueCounts(deckIDs: ids, now: context.clock()) ?? [:]
        let orphaned = try store.map { try Set($0.deckIDs()).subtracting(ids).sorted() } ?? []
        try store?.verify()
        let rows = decks.map { deck in
            let items = deck.studyItems.count
            let studied = states[deck.id].map { $0.learning + $0.review + $0.relearning } ?? 0
            return Row(
                id: deck.id, title: deck.title, cards: deck.cards.count, items: items, new: max(0, items - studied),
                due: due[deck.id]?.today ?? 0, file: deck.file ?? "")
        }
        let console = context.console
        if json {
            console.say(try JSONText.encode(rows.map(\.sanitized)))
            return
        }
        guard !rows.isEmpty else {
            console.say("No decks found. Put deck files in \(context.searchDirectories.user) or pass --decks DIR.")
            return
        }
        console.say(Self.table(rows, style: console.style))
        if !orphaned.isEmpty {
            console.tell(Self.orphanNote(orphaned))
        }
    }

    /// The rows as an aligned table (by display width) with a header.
    static func table(_ rows: [Row], style: Style) -> String {
        let header = ["DECK", "TITLE", "CARDS", "ITEMS", "NEW", "DUE", "FILE"]
        let cells = rows.map { row in
            [
                Sanitizer.clean(row.id, keepNewlines: false), Sanitizer.clean(row.title, keepNewlines: false),
                String(row.cards), String(row.items), String(row.new), String(row.due),
                Sanitizer.clean(row.file, keepNewlines: false),
            ]
        }
        return Table.render(header: header, rows: cells, style: style)
    }

    /// What `decks` and `stats` say about progress kept for decks no file provides.
    static func orphanNote(_ ids: [String]) -> String {
        let names = ids.map { Sanitizer.clean($0, keepNewlines: false) }.joined(separator: ", ")
        let (decks, their) = ids.count == 1 ? ("1 deck", "its") : ("\(ids.count) decks", "their")
        return "Progress kept for \(decks) with no deck file: \(names). Nothing is deleted: put \(their) file back "
            + "in a deck folder (or pass --decks DIR) to study \(ids.count == 1 ? "it" : "them") again."
    }
}

extension DecksCommand.Row {
    /// The row with its deck's text sanitised, for JSON.
    var sanitized: Self {
        var row = self
        row.id = Sanitizer.clean(id, keepNewlines: false)
        row.title = Sanitizer.clean(title)
        row.file = Sanitizer.clean(file, keepNewlines: false)
        return row
    }
}
