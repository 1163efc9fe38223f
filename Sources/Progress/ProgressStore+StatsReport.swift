import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// The figures of `recall stats`, from one consistent snapshot of the store.
    ///
    /// - Card counts, due counts, the forecast, memory, hardest cards and leeches come from
    ///   one pass over the items (orphans left out); retrievability is each deck's scheduler's
    ///   (FSRS-6, or SM-2's estimate on the FSRS curve), from its saved settings.
    /// - Reviews, retention, today's answers and time, streaks and the heatmap come from the
    ///   tallies per deck and study day (`review_day`, `review_total`, kept by triggers),
    ///   never the whole log.
    /// - Days are study days of `dayRollover`; "the last 7 days" are the 7 study days ending
    ///   with today.
    ///
    /// - Parameters:
    ///   - deckIDs: the decks to report on; `nil` for every deck in the store or in `unsyncedItems`.
    ///   - loadedDecks: the item keys of each deck loaded from its file; keys the store has
    ///     never seen count as new cards (a deck never studied shows all its cards as new).
    ///   - now: the moment the figures are for.
    public func statsReport(
        deckIDs: [String]? = nil, loadedDecks: [String: [String]] = [:], now: Date = Date()
    ) throws -> StatsReport {
        let today = dayRollover.start(ofDayContaining: now)
        var forecastEnds: [Date] = []
        var end = today
        for _ in 0..<StatsReport.forecastDays {
            end = dayRollover.start(ofDayAfter: end)
            forecastEnds.append(end)
        }
        let heatmapStart = StatsReport.heatmapStart(today: today, dayRollover: dayRollover)
        let dayStarts = StatsBuilder.dayStarts(from: heatmapStart, through: today, rollover: dayRollover)
        let numbering = StudyDayNumber(rollover: dayRollover)
        let todayNumber = numbering.number(of: today)
        // Consecutive study days have consecutive numbers: the heatmap's first is this many before today.
        let firstDay = todayNumber - (dayStarts.count - 1)
        return try read { db in
            let storeDecks = try String.fetchAll(db, sql: "SELECT id FROM deck ORDER BY id")
            let ids = deckIDs ?? Set(storeDecks).union(loadedDecks.keys).sorted()
            var builder = StatsBuilder(deckIDs: ids, now: now, forecastEnds: forecastEnds)
            for (index, id) in ids.enumerated() {
                let settings = try Self.settings(for: id, in: db, path: path)
                builder.decks[index].desiredRetention = settings.scheduler.desiredRetention
                builder.schedulers[index] = try? settings.scheduler.makeScheduler()
            }
            let (filter, filterArguments) = deckIDs == nil ? ("", []) : Self.deckFilter(ids)
            try builder.scanItems(
                Row.fetchCursor(
                    db,
                    sql: """
                        SELECT id, deck_id, phase, suspended, stability, due, last_review, lapses, step, difficulty, reps
                        FROM item WHERE orphaned_at IS NULL \(filter)
                        """,
                    arguments: StatementArguments(filterArguments)))
            for (index, id) in ids.enumerated() {
                guard let keys = loadedDecks[id] else { continue }
                let known = Set(
                    try String.fetchAll(db, sql: "SELECT item_key FROM item WHERE deck_id = ?", arguments: [id]))
                builder.decks[index].new += Set(keys).subtracting(known).count
            }

            let (dayFilter, _) = deckIDs == nil ? ("", []) : Self.deckFilter(ids, column: "+deck_id")
            try builder.scanTotals(
                Row.fetchCursor(
                    db,
                    sql: """
                        SELECT deck_id, answers, practice, retention_reviews, retention_recalled
                        FROM review_total WHERE 1 \(dayFilter)
                        """,
                    arguments: StatementArguments(filterArguments)))
            try builder.scanRecentDays(
                Row.fetchCursor(
                    db,
                    sql: """
                        SELECT day, deck_id, answers, practice, retention_reviews, retention_recalled, duration_ms
                        FROM review_day WHERE day >= ? \(dayFilter)
                        """,
                    arguments: StatementArguments([min(firstDay, todayNumber - 29)] + filterArguments)),
                firstDay: firstDay, today: todayNumber)
            let streak = try StudyStreak(
                activeDays: Int.fetchCursor(
                    db, sql: "SELECT DISTINCT day FROM review_day WHERE answers > 0 \(dayFilter) ORDER BY day",
                    arguments: StatementArguments(filterArguments)),
                today: todayNumber)
            let selected = builder.hardest.map(\.id) + builder.leeches.prefix(StatsReport.listLength).map(\.id)
            var refs: [Int64: ItemRef] = [:]
            if !selected.isEmpty {
                let marks = Array(repeating: "?", count: selected.count).joined(separator: ", ")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT id, deck_id, item_key FROM item WHERE id IN (\(marks))",
                    arguments: StatementArguments(selected))
                while let row = try rows.next() {
                    refs[row["id"]] = ItemRef(deckID: row["deck_id"], key: row["item_key"])
                }
            }
            let standing = { (candidate: StatsBuilder.Candidate) -> CardStanding? in
                refs[candidate.id].map {
                    CardStanding(
                        ref: $0, retrievability: candidate.retrievability, lapses: candidate.lapses,
                        suspended: candidate.suspended, due: Date(unixMilliseconds: candidate.due))
                }
            }
            let days = zip(dayStarts, builder.dayAnswers).map { start, answers in
                DailyReviews(
                    day: Date(unixMilliseconds: start), study: answers.answers - answers.practice,
                    practice: answers.practice)
            }
            let total = builder.decks.reduce(DeckStats(id: "", desiredRetention: builder.decks.first?.desiredRetention))
            {
                $0.adding($1)
            }
            return StatsReport(
                now: now, today: today, decks: builder.decks, total: total,
                streak: streak,
                days: days, forecast: builder.forecast, hardest: builder.hardest.compactMap(standing),
                leeches: builder.leeches.prefix(StatsReport.listLength).compactMap(standing),
                leechCount: builder.leeches.count)
        }
    }
}
