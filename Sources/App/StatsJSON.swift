import Decks
import Foundation
import Progress

/// `recall stats --json`: the report as one JSON object, keys sorted, absent figures `null`.
///
/// Rates (retention, retrievability, average memory) are shares from 0 to 1, rounded to 4
/// decimals; dates of study days are local `YYYY-MM-DD`; `due` counts cards due before
/// today's study day ends (overdue included). See the README for every key.
public enum StatsJSON {
    /// The JSON text of `report`, with prompts from `decks`, dates in `calendar`, and the
    /// ids of the decks whose progress is kept without a deck file (`orphaned_decks`).
    public static func text(
        _ report: StatsReport, decks: [Deck], calendar: Calendar, orphanedDecks: [String] = []
    ) throws -> String {
        guard case .object(var top) = document(report, decks: decks, calendar: calendar) else { return "{}" }
        top["orphaned_decks"] = .array(orphanedDecks.map(StatsJSONValue.string))
        return try JSONText.encode(StatsJSONValue.object(top))
    }

    /// The report as a JSON value.
    static func document(_ report: StatsReport, decks: [Deck], calendar: Calendar) -> StatsJSONValue {
        let day = { (date: Date) -> StatsJSONValue in .string(Self.day(date, calendar: calendar)) }
        var top = figures(report.total)
        top["generated_at"] = .string(ISO8601DateFormatter().string(from: report.now))
        top["today"] = day(report.today)
        top["streak_days"] = .int(report.streak.current)
        top["longest_streak_days"] = .int(report.streak.longest)
        top["studied_today"] = .bool(report.streak.studiedToday)
        top["decks"] = .array(
            report.decks.map { deck in
                var figures = figures(deck)
                figures["id"] = .string(deck.id)
                return .object(figures)
            })
        top["heatmap"] = .array(
            report.days.map {
                .object(["date": day($0.day), "reviews": .int($0.study + $0.practice), "practice": .int($0.practice)])
            })
        top["forecast"] = .array(
            report.forecast.enumerated().map { index, due in
                .object([
                    "date": day(calendar.date(byAdding: .day, value: index, to: report.today) ?? report.today),
                    "due": .int(due),
                ])
            })
        top["hardest"] = .array(report.hardest.map { card(card: $0, decks: decks) })
        top["leeches"] = .array(report.leeches.map { card(card: $0, decks: decks) })
        top["leech_count"] = .int(report.leechCount)
        return .object(top)
    }

    /// The figures a deck and the total share.
    static func figures(_ deck: DeckStats) -> [String: StatsJSONValue] {
        [
            "new": .int(deck.new), "learning": .int(deck.learning), "relearning": .int(deck.relearning),
            "review": .int(deck.review), "suspended": .int(deck.suspended), "cards": .int(deck.cards),
            "due": .int(deck.due.today), "due_now": .int(deck.due.now), "due_tomorrow": .int(deck.due.tomorrow),
            "reviews": .int(deck.reviews), "practice_answers": .int(deck.practice),
            "reviews_today": .int(deck.reviewsToday), "practice_today": .int(deck.practiceToday),
            "study_seconds_today": .double(Double(deck.studyMillisecondsToday) / 1_000),
            "retention": .object([
                "7d": rate(deck.retention7Days.rate), "30d": rate(deck.retention30Days.rate),
                "all": rate(deck.retentionAllTime.rate), "desired": rate(deck.desiredRetention),
            ]),
            "retention_reviews": .object([
                "7d": .int(deck.retention7Days.reviews), "30d": .int(deck.retention30Days.reviews),
                "all": .int(deck.retentionAllTime.reviews),
            ]),
            "average_memory": rate(deck.averageRetrievability), "memory_cards": .int(deck.memoryCards),
        ]
    }

    /// A hardest card or leech.
    static func card(card: CardStanding, decks: [Deck]) -> StatsJSONValue {
        .object([
            "deck": .string(card.ref.deckID), "key": .string(card.ref.key),
            "prompt": StatsScreen.prompt(for: card.ref, in: decks).map(StatsJSONValue.string) ?? .null,
            "retrievability": rate(card.retrievability), "lapses": .int(card.lapses),
            "suspended": .bool(card.suspended),
        ])
    }

    /// A share rounded to 4 decimals, or null.
    static func rate(_ value: Double?) -> StatsJSONValue {
        value.map { .double(($0 * 10_000).rounded() / 10_000) } ?? .null
    }

    /// "2026-11-21": the local date of a study day.
    static func day(_ date: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
