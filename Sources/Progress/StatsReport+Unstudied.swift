import Foundation

extension StatsReport {
    /// The report when there is no progress store yet: every card of `loadedDecks` (deck id
    /// → item keys) is new, nothing is due, nothing was answered.
    public static func unstudied(
        loadedDecks: [String: [String]], deckIDs: [String]? = nil, now: Date = Date(),
        dayRollover: DayRollover = DayRollover()
    ) -> StatsReport {
        let today = dayRollover.start(ofDayContaining: now)
        let decks = (deckIDs ?? loadedDecks.keys.sorted()).map { id in
            var deck = DeckStats(id: id, desiredRetention: DeckSettings().scheduler.desiredRetention)
            deck.new = Set(loadedDecks[id] ?? []).count
            return deck
        }
        let total = decks.reduce(DeckStats(id: "", desiredRetention: DeckSettings().scheduler.desiredRetention)) {
            $0.adding($1)
        }
        let days = StatsBuilder.dayStarts(
            from: heatmapStart(today: today, dayRollover: dayRollover), through: today, rollover: dayRollover
        ).map { DailyReviews(day: Date(unixMilliseconds: $0), study: 0, practice: 0) }
        return StatsReport(
            now: now, today: today, decks: decks, total: total,
            streak: StudyStreak(current: 0, longest: 0, studiedToday: false), days: days,
            forecast: Array(repeating: 0, count: forecastDays), hardest: [], leeches: [], leechCount: 0)
    }

    /// The first day of the heatmap: the Monday 25 weeks before the week of `today`.
    static func heatmapStart(today: Date, dayRollover: DayRollover) -> Date {
        let calendar = dayRollover.calendar
        let weekday = (calendar.component(.weekday, from: today) + 5) % 7
        let days = (heatmapWeeks - 1) * 7 + weekday
        let back =
            calendar.date(byAdding: .day, value: -days, to: today) ?? today.addingTimeInterval(Double(-days) * 86_400)
        return dayRollover.start(ofDayContaining: back)
    }
}
