import Decks
import Foundation
import Progress
import Scheduling
import Study

/// The decks and the progress store together: what study sessions, quizzes, settings and
/// stats work on. Opening it brings the store in line with the decks.
public final class Workspace {
    /// The decks.
    public let library: Library
    /// The progress store.
    public let store: ProgressStore
    /// The clock (the real one, except in tests and benchmarks).
    public let clock: () -> Date
    /// Study items by deck id and item key, with their cards, built on first use.
    private var itemIndex: [String: [String: (item: StudyItem, card: Card)]] = [:]
    /// The sync of the decks into the store, when it runs in the background.
    private let sync: BackgroundSync?

    /// Opens the store at `storePath` and syncs every deck of `library` into it: at once
    /// for a new store, in the background for an existing one (see `ready()`).
    public init(library: Library, storePath: String, clock: @escaping () -> Date = Date.init) throws {
        self.library = library
        self.clock = clock
        let existed = FileManager.default.fileExists(atPath: storePath)
        store = try ProgressStore(path: storePath)
        if existed {
            sync = BackgroundSync(store: store, decks: library.decks, at: clock())
        } else {
            sync = nil
            let now = clock()
            for deck in library.decks { _ = try store.sync(deck, at: now) }
        }
    }

    /// Opens `store` (already synced) over `library`.
    public init(library: Library, store: ProgressStore, clock: @escaping () -> Date = Date.init) {
        self.library = library
        self.store = store
        self.clock = clock
        sync = nil
    }

    /// Waits until the decks are synced into the store; every command that uses the store
    /// calls it first. Throws the sync's error (a damaged or read-only store, say).
    public func ready() throws {
        try sync?.wait()
    }

    /// The error that makes the store unusable, if the background sync has met one yet
    /// (a damaged store, say); does not wait.
    public var failureSoFar: (any Error)? {
        sync?.failureSoFar
    }

    /// The start of the study day after `date` (where `:bury` buries to).
    public func nextDay(after date: Date) -> Date {
        store.dayRollover.start(ofDayAfter: date)
    }

    /// The scheduler of each deck, from its settings.
    public func schedulers(for decks: [Deck]) throws -> [String: any Scheduler] {
        var schedulers: [String: any Scheduler] = [:]
        for deck in decks {
            schedulers[deck.id] = try store.settings(for: deck.id).scheduler.makeScheduler()
        }
        return schedulers
    }

    /// The decks of `decks` whose settings keep a card's siblings when one is answered.
    public func decksKeepingSiblings(_ decks: [Deck]) throws -> Set<String> {
        Set(try decks.filter { try !store.settings(for: $0.id).burySiblings }.map(\.id))
    }

    /// Today's cards to study in `decks`, restricted to cards (or decks) tagged with any of `tags`.
    public func studyCards(decks: [Deck], tags: [String], at now: Date) throws -> [StudyCard] {
        let queue = try store.queue(deckIDs: decks.map(\.id), now: now)
        let wanted = Set(tags.map { $0.lowercased() })
        let titles = Dictionary(decks.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let deckTags = Dictionary(
            decks.map { ($0.id, Set($0.tags.map { $0.lowercased() })) }, uniquingKeysWith: { first, _ in first })
        var cards: [StudyCard] = []
        for queued in queue.learning + queue.review + Self.interleavingDecks(queue.new) {
            guard let found = entry(deckID: queued.ref.deckID, key: queued.ref.key) else { continue }
            if !wanted.isEmpty {
                let tags = deckTags[queued.ref.deckID, default: []].union(found.card.tags.map { $0.lowercased() })
                if wanted.isDisjoint(with: tags) { continue }
            }
            cards.append(
                StudyCard(
                    item: found.item, card: found.card, deckTitle: titles[queued.ref.deckID] ?? queued.ref.deckID,
                    state: queued.state))
        }
        return cards
    }

    /// New items taken from each deck in turn (each deck's own order kept), so a session
    /// over several decks mixes them rather than finishing one deck's new cards first.
    static func interleavingDecks(_ items: [QueuedItem]) -> [QueuedItem] {
        var byDeck: [String: ArraySlice<QueuedItem>] = [:]
        var order: [String] = []
        for item in items {
            if byDeck[item.ref.deckID] == nil { order.append(item.ref.deckID) }
            byDeck[item.ref.deckID, default: []].append(item)
        }
        var result: [QueuedItem] = []
        result.reserveCapacity(items.count)
        while result.count < items.count {
            for deck in order {
                if let next = byDeck[deck]?.popFirst() { result.append(next) }
            }
        }
        return result
    }

    /// The item `key` of deck `deckID` with its card, if the deck (still) has it.
    private func entry(deckID: String, key: String) -> (item: StudyItem, card: Card)? {
        if itemIndex[deckID] == nil {
            var items: [String: (item: StudyItem, card: Card)] = [:]
            if let deck = library.decks.first(where: { $0.id == deckID }) {
                for card in deck.cards {
                    for item in card.studyItems(deckID: deckID) { items[item.key] = (item, card) }
                }
            }
            itemIndex[deckID] = items
        }
        return itemIndex[deckID]?[key]
    }

    /// What is due today and tomorrow in `decks`, with today's answers and the streak over
    /// every deck, for a summary: the figures of `stats` (see `ProgressStore.statsReport`).
    public func outlook(decks: [Deck], at now: Date) -> DueOutlook? {
        guard let report = try? store.statsReport(now: now) else { return nil }
        let ids = Set(decks.map(\.id))
        let due = report.decks.filter { ids.contains($0.id) }.map(\.due)
        return DueOutlook(
            today: due.reduce(0) { $0 + $1.today }, tomorrow: due.reduce(0) { $0 + $1.tomorrow },
            reviewsToday: report.total.reviewsToday, streak: report.streak)
    }
}
