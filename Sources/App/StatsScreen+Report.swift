import Decks
import Foundation
import Progress

extension StatsScreen {
    /// What `stats [DECK]` says about itself in `help stats` and `recall stats --help`.
    public static let details = """
        Shows, per deck and in total: cards new, learning, review and suspended; cards due \
        today (overdue included) and tomorrow; today's answers and study time; true retention \
        (study answers to review cards rated hard, good or easy; practice left out) over the \
        last 7 and 30 study days and all time, beside the desired retention; the current and \
        longest streak of study days with at least one answer (days roll over at 04:00; a \
        streak lasts until a whole day passes without an answer); a heatmap of answers per day \
        over 26 weeks; a 30-day forecast of due cards; the hardest cards (lowest chance of \
        recall now) and leeches (8 or more lapses); and average memory, the mean chance of \
        recall now of the studied cards.
        """

    /// The report for `stats [DECK]`: every deck in the store or loaded, or the one named.
    ///
    /// - Parameters:
    ///   - store: the progress store, or `nil` when there is none yet (every card is then new).
    ///   - decks: the loaded decks (cards the store has not seen count as new).
    /// - Throws: `UsageError` for an id neither the store nor the decks know;
    ///   the store's `ProgressError` when it cannot be read.
    public static func report(store: ProgressStore?, decks: [Deck], deckID: String?, now: Date) throws -> StatsReport {
        let loaded = Dictionary(
            decks.map { ($0.id, $0.studyItems.map(\.key)) }, uniquingKeysWith: { first, _ in first })
        let storeDecks = try store?.deckIDs() ?? []
        if let deckID {
            let known = Set(storeDecks).union(loaded.keys)
            guard known.contains(deckID) else {
                throw UsageError.unknownDeck(deckID, among: known.sorted())
            }
        }
        let ids = deckID.map { [$0] }
        guard let store else { return StatsReport.unstudied(loadedDecks: loaded, deckIDs: ids, now: now) }
        return try store.statsReport(deckIDs: ids, loadedDecks: loaded, now: now)
    }
}
