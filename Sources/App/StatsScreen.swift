import Decks
import Foundation
import Progress
import Scheduling
import Study
import Terminal

/// The `stats` screen as text: cards per deck, today's work and retention, the streak, a
/// heatmap of the last 26 weeks, the 30-day forecast, the hardest cards, leeches and
/// average memory. A pure function of a `StatsReport` and the decks (for prompts).
///
/// Shades and numbers carry every figure, so it reads the same under `NO_COLOR`; deck ids
/// and prompts are sanitised before they are shown.
public struct StatsScreen: Sendable {
    /// Bold and colour, when on.
    public var style: Style
    /// The widest a line may be (prompts are cut to fit).
    public var width: Int
    /// The calendar of the study days (weekdays and months of the heatmap and forecast).
    public var calendar: Calendar

    /// Month abbreviations.
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Creates a screen.
    public init(style: Style, width: Int, calendar: Calendar) {
        self.style = style
        self.width = max(40, width)
        self.calendar = calendar
    }

    /// The whole screen, as lines; `decks` give the prompts of the cards listed.
    public func lines(_ report: StatsReport, decks: [Deck]) -> [String] {
        var lines: [String] = []
        let scope = report.decks.count == 1 ? "deck " + clean(report.decks[0].id) : "all decks"
        lines.append(style.bold("Statistics") + " · \(scope) · \(longDate(report.today))")
        lines.append("")
        lines += cardsSection(report)
        lines.append("")
        lines += retentionSection(report)
        lines.append("")
        lines.append(streakLine(report.streak))
        lines.append(memoryLine(report.total))
        lines.append("")
        lines += heatmapSection(report)
        lines.append("")
        lines += forecastSection(report)
        lines.append("")
        lines += hardestSection(report, decks: decks)
        lines.append("")
        lines += leechSection(report, decks: decks)
        return lines
    }

    // MARK: - Sections

    /// The table of cards by state and what is due, per deck and in total.
    func cardsSection(_ report: StatsReport) -> [String] {
        let header = ["DECK", "NEW", "LEARNING", "REVIEW", "SUSPENDED", "DUE TODAY", "TOMORROW"]
        let rows = tableRows(report) { deck in
            [deck.new, deck.learning, deck.review, deck.suspended, deck.due.today, deck.due.tomorrow].map(String.init)
        }
        return [style.bold("Cards")]
            + Table.render(header: header, rows: rows, style: style).components(separatedBy: "\n")
    }

    /// Today's answers and time, and true retention beside the desired retention.
    func retentionSection(_ report: StatsReport) -> [String] {
        let header = ["DECK", "TODAY", "TIME", "RETENTION 7D", "30D", "ALL TIME", "DESIRED"]
        let rows = tableRows(report) { deck in
            [
                String(deck.reviewsToday), StudyScreen.duration(Double(deck.studyMillisecondsToday) / 1_000),
                retention(deck.retention7Days), retention(deck.retention30Days), retention(deck.retentionAllTime),
                deck.desiredRetention.map { percent($0, digits: 0) } ?? "mixed",
            ]
        }
        return [style.bold("Today and retention") + style.dim(" (review cards answered right; practice left out)")]
            + Table.render(header: header, rows: rows, style: style).components(separatedBy: "\n")
    }

    /// "Streak: 12 days, studied today · longest 30 days".
    func streakLine(_ streak: StudyStreak) -> String {
        var current = StudyScreen.count(streak.current, "day")
        if streak.studiedToday {
            current += ", studied today"
        } else if streak.current > 0 {
            current += ", study today to keep it"
        }
        return style.bold("Streak: ") + current + " · longest " + StudyScreen.count(streak.longest, "day")
    }

    /// "Average memory: 87.3% of 1234 studied cards you would recall now".
    func memoryLine(_ total: DeckStats) -> String {
        guard let average = total.averageRetrievability else {
            return style.bold("Average memory: ") + "no studied cards yet"
        }
        return style.bold("Average memory: ") + percent(average)
            + " (the share of your \(StudyScreen.count(total.memoryCards, "studied card")) you would recall right now)"
    }

    /// The heatmap of answers per day.
    func heatmapSection(_ report: StatsReport) -> [String] {
        let answers = report.days.reduce(0) { $0 + $1.study + $1.practice }
        let active = report.days.filter { $0.study + $0.practice > 0 }.count
        let title =
            style.bold("Reviews per day, last \(StatsReport.heatmapWeeks) weeks")
            + ": \(StudyScreen.count(answers, "answer")) on \(StudyScreen.count(active, "day"))"
        let days = report.days.map { Heatmap.Day(date: $0.day, count: $0.study + $0.practice) }
        return [title] + Heatmap(days: days, calendar: calendar).lines(style: style)
    }

    /// The bar chart of cards due over the next 30 days.
    func forecastSection(_ report: StatsReport) -> [String] {
        let total = report.forecast.reduce(0, +)
        let title =
            style.bold("Due in the next \(report.forecast.count) days") + ": \(StudyScreen.count(total, "card"))"
            + " (today includes overdue cards)"
        guard total > 0 else { return [title] }
        var labels = [BarChart.Label(index: 0, text: "today")]
        for index in stride(from: 7, to: report.forecast.count, by: 7) {
            let day = calendar.date(byAdding: .day, value: index, to: report.today) ?? report.today
            labels.append(BarChart.Label(index: index, text: shortDate(day)))
        }
        return [title] + BarChart(values: report.forecast, labels: labels, height: 6).lines(style: style)
    }

    /// The cards with the lowest chance of recall now.
    func hardestSection(_ report: StatsReport, decks: [Deck]) -> [String] {
        let title = style.bold("Hardest cards") + " (lowest chance of recall now)"
        guard !report.hardest.isEmpty else { return [title, "  none yet"] }
        return [title]
            + report.hardest.map { card in
                let recall = card.retrievability.map { percent($0, digits: 0) } ?? "?"
                let lapses = card.lapses > 0 ? " · " + StudyScreen.count(card.lapses, "lapse") : ""
                return cardLine(lead: "  " + pad(recall, 4) + "  ", ref: card.ref, trail: lapses, decks: decks)
            }
    }

    /// The cards with 8 or more lapses.
    func leechSection(_ report: StatsReport, decks: [Deck]) -> [String] {
        let title = style.bold("Leeches") + " (\(StatsReport.leechLapses) or more lapses)"
        guard report.leechCount > 0 else { return [title + ": none"] }
        var lines = [title + ": \(report.leechCount)"]
        let width = report.leeches.map { String($0.lapses).count }.max() ?? 1
        for card in report.leeches {
            let lead = "  " + pad(String(card.lapses), width) + " lapses  "
            lines.append(cardLine(lead: lead, ref: card.ref, trail: card.suspended ? " · suspended" : "", decks: decks))
        }
        if report.leechCount > report.leeches.count {
            lines.append("  … and \(report.leechCount - report.leeches.count) more")
        }
        return lines
    }

    // MARK: - Pieces

    /// One row per deck, then TOTAL when there are several; `cells` gives the figures.
    private func tableRows(_ report: StatsReport, cells: (DeckStats) -> [String]) -> [[String]] {
        var rows = report.decks.map { [clean($0.id)] + cells($0) }
        if report.decks.count > 1 { rows.append(["TOTAL"] + cells(report.total)) }
        return rows
    }

    /// "deck  prompt" for a listed card, the prompt cut to the screen's width; the item key
    /// when its deck or card is not loaded.
    private func cardLine(lead: String, ref: ItemRef, trail: String, decks: [Deck]) -> String {
        let deck = clean(ref.deckID)
        let text = Self.prompt(for: ref, in: decks).map { clean($0) } ?? "[\(clean(ref.key))]"
        let room = width - DisplayWidth.of(lead) - DisplayWidth.of(deck) - 2 - DisplayWidth.of(trail)
        return lead + style.cyan(deck) + "  " + Self.cut(text, to: room) + style.dim(trail)
    }

    /// The prompt the item asks, from its card in `decks`, or `nil` when it is not loaded.
    public static func prompt(for ref: ItemRef, in decks: [Deck]) -> String? {
        guard let deck = decks.first(where: { $0.id == ref.deckID }) else { return nil }
        for card in deck.cards {
            guard let item = card.studyItems(deckID: deck.id).first(where: { $0.key == ref.key }) else { continue }
            var random = SplitMix64(seed: 0)
            return Question(card: card, item: item, random: &random)?.prompt
        }
        return nil
    }

    /// `text` on one line, cut with "…" to at most `width` columns (at least 10).
    static func cut(_ text: String, to width: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let room = max(10, width)
        guard DisplayWidth.of(line) > room else { return line }
        var result = ""
        var used = 0
        for character in line {
            let next = DisplayWidth.of(character)
            if used + next > room - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    /// "91.3% (20)", or "–" with no reviews.
    private func retention(_ retention: Retention) -> String {
        guard let rate = retention.rate else { return "–" }
        return percent(rate) + " (\(retention.reviews))"
    }

    /// `share` as a percentage with `digits` decimals.
    private func percent(_ share: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f%%", share * 100)
    }

    /// "Saturday 21 November 2026".
    private func longDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year], from: date)
        let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        return
            "\(names[(parts.weekday ?? 1) - 1]) \(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 0)"
    }

    /// "28 Nov".
    private func shortDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month], from: date)
        return "\(parts.day ?? 1) \(Self.months[(parts.month ?? 1) - 1])"
    }

    /// Untrusted text on one line, safe to print.
    private func clean(_ text: String) -> String {
        Sanitizer.clean(text, keepNewlines: false)
    }

    /// `text` right-aligned in `width` columns.
    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
