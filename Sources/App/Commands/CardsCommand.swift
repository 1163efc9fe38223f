import ArgumentParser
import Decks
import Foundation
import Progress
import Scheduling
import Study
import Terminal

/// `cards [DECK...] [--tag T] [--state S] [--due] [--search TEXT] [--json]`: the card
/// browser, one line (or JSON object) per study item with its schedule.
struct CardsCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List the study items of your decks with their schedule.",
        discussion: """
            One line per study item (a card, its reverse, each cloze deletion): deck, card id, \
            item key, type, prompt, state, due, stability, difficulty, reps, lapses and flags \
            (suspended, buried). States: new, learning, review, relearning; --state suspended \
            lists the suspended items, and the other states leave them out, as stats counts \
            them. --due keeps the studied items due before today's study day ends (overdue \
            included), not suspended or buried. --search keeps the items whose prompt, answer, \
            card id or item key contains TEXT (case and accents ignored). With --json, a list \
            of objects {deck, card, item, type, prompt, state, due, stability, difficulty, reps, \
            lapses, suspended, buried}; due is ISO 8601 UTC, or null for a new item.
            """
    )

    /// What `--state` takes.
    enum StateFilter: String, CaseIterable, ExpressibleByArgument {
        case new, learning, review, relearning, suspended
    }

    @Argument(help: ArgumentHelp("The decks to list (default: every deck).", valueName: CompletionValue.deck))
    var decks: [String] = []

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("Only cards (or decks) with this tag (repeatable).", valueName: CompletionValue.tag))
    var tags: [String] = []

    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "Only items in this state: new, learning, review, relearning or suspended (repeatable).", valueName: "state"
        ))
    var states: [StateFilter] = []

    @Flag(help: "Only the items due today.")
    var due = false

    @Option(
        help: ArgumentHelp("Only items whose prompt, answer, card id or key contains this text.", valueName: "text"))
    var search: String?

    @Flag(help: "Print a JSON array of objects instead.")
    var json = false

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    func run(in context: CommandContext) throws {
        let chosen = try context.chosenDecks(decks, tags: tags)
        let store = try context.existingStore()
        let now = context.clock()
        let dayEnd = (store?.dayRollover ?? DayRollover()).start(ofDayAfter: now)
        var rows: [CardRow] = []
        for deck in chosen {
            var byKey: [String: StoredItem] = [:]
            try store?.forEachItem(deckIDs: [deck.id]) { item in
                if item.orphanedAt == nil { byKey[item.ref.key] = item }
            }
            for card in deck.cards where Self.matches(card, of: deck, tags: tags) {
                for item in card.studyItems(deckID: deck.id) {
                    let row = CardRow(deck: deck, card: card, item: item, stored: byKey[item.key], now: now)
                    if keep(row, stored: byKey[item.key], now: now, dayEnd: dayEnd) { rows.append(row) }
                }
            }
        }
        let console = context.console
        if json {
            console.say(try JSONText.encode(rows))
        } else if rows.isEmpty {
            console.tell("No cards match.")
        } else {
            console.say(CardRow.table(rows, width: console.wrapper.width, style: console.style))
        }
    }

    /// Whether `card` has one of `tags` (or its deck has), or `tags` is empty.
    static func matches(_ card: Card, of deck: Deck, tags: [String]) -> Bool {
        guard !tags.isEmpty else { return true }
        let wanted = Set(tags.map { $0.lowercased() })
        return !wanted.isDisjoint(with: (deck.tags + card.tags).map { $0.lowercased() })
    }

    /// Whether the row passes `--state`, `--due` and `--search`.
    func keep(_ row: CardRow, stored: StoredItem?, now: Date, dayEnd: Date) -> Bool {
        if !states.isEmpty {
            let state: StateFilter = row.suspended ? .suspended : StateFilter(rawValue: row.state) ?? .new
            if !states.contains(state) { return false }
        }
        if due {
            guard let stored, stored.state.phase != .new, !row.suspended, !row.buried, stored.state.due < dayEnd else {
                return false
            }
        }
        if let search, !search.isEmpty {
            let fields = [row.prompt, row.answer, row.card, row.item]
            if !fields.contains(where: {
                $0.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            }) {
                return false
            }
        }
        return true
    }
}
