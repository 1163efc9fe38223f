import Decks
import Foundation
import Progress
import Terminal
import Testing

@testable import App

@Suite struct StatsScreenTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()

    /// Saturday 21 November 2026, 04:00 UTC: the start of "today".
    static let today = Date(timeIntervalSince1970: 1_795_233_600)

    static let decks = [
        Deck(
            id: "plot", title: "Plot", description: "",
            cards: [
                Card(
                    id: "ruth",
                    content: .typed(prompt: "Who \u{1B}[31mbetrays\u{1B}[0m Kathy\nat the end?", answers: ["Ruth"])),
                Card(
                    id: "long", content: .basic(front: String(repeating: "word ", count: 30), back: "b", reverse: true)),
            ])
    ]

    /// A report with two decks and every section filled.
    static func report() -> StatsReport {
        var plot = DeckStats(id: "plot", desiredRetention: 0.9)
        plot.new = 3
        plot.learning = 2
        plot.relearning = 1
        plot.review = 10
        plot.suspended = 1
        plot.due = DueCounts(now: 2, today: 4, tomorrow: 5)
        plot.reviewsToday = 12
        plot.practiceToday = 2
        plot.studyMillisecondsToday = 250_000
        plot.reviews = 120
        plot.retention7Days = Retention(reviews: 8, recalled: 7)
        plot.retention30Days = Retention(reviews: 40, recalled: 36)
        plot.retentionAllTime = Retention(reviews: 80, recalled: 70)
        plot.retrievabilitySum = 9
        plot.memoryCards = 10
        var cast = DeckStats(id: "cast\u{1B}[2J", desiredRetention: 0.85)
        cast.new = 5
        let days = (0..<180).map { offset in
            DailyReviews(
                day: today.addingTimeInterval(Double(offset - 179) * 86_400),
                study: offset >= 178 ? 4 * (offset - 177) : 0, practice: offset == 179 ? 2 : 0)
        }
        return StatsReport(
            now: today.addingTimeInterval(6 * 3_600), today: today, decks: [cast, plot], total: cast.adding(plot),
            streak: StudyStreak(current: 2, longest: 9, studiedToday: true), days: days,
            forecast: [4, 5, 0, 1] + Array(repeating: 0, count: 26),
            hardest: [
                CardStanding(
                    ref: ItemRef(deckID: "plot", key: "ruth"), retrievability: 0.4321, lapses: 3, suspended: false,
                    due: today),
                CardStanding(
                    ref: ItemRef(deckID: "plot", key: "long#reverse"), retrievability: 0.6, lapses: 0, suspended: false,
                    due: today),
                CardStanding(
                    ref: ItemRef(deckID: "plot", key: "long"), retrievability: 0.7, lapses: 1, suspended: false,
                    due: today),
                CardStanding(
                    ref: ItemRef(deckID: "gone", key: "old#c2"), retrievability: 0.8, lapses: 0, suspended: false,
                    due: today),
            ],
            leeches: [
                CardStanding(
                    ref: ItemRef(deckID: "plot", key: "ruth"), retrievability: 0.4321, lapses: 11, suspended: true,
                    due: today)
            ],
            leechCount: 3)
    }

    let screen = StatsScreen(style: .plain, width: 60, calendar: Self.utc)

    @Test func theWholeScreenWithoutColour() {
        // Deck text is sanitised (the escape in "cast", the colour and the newline in the
        // prompt); a card whose deck is not loaded shows its key; long prompts are cut.
        let lines = screen.lines(Self.report(), decks: Self.decks)
        #expect(
            lines == [
                "Statistics · all decks · Saturday 21 November 2026",
                "",
                "Cards",
                "DECK   NEW  LEARNING  REVIEW  SUSPENDED  DUE TODAY  TOMORROW",
                "cast     5         0       0          0          0         0",
                "plot     3         2      10          1          4         5",
                "TOTAL    8         2      10          1          4         5",
                "",
                "Today and retention (review cards answered right; practice left out)",
                "DECK   TODAY  TIME    RETENTION 7D  30D         ALL TIME    DESIRED",
                "cast       0  0s      –             –           –               85%",
                "plot      12  4m 10s  87.5% (8)     90.0% (40)  87.5% (80)      90%",
                "TOTAL     12  4m 10s  87.5% (8)     90.0% (40)  87.5% (80)  mixed",
                "",
                "Streak: 2 days, studied today · longest 9 days",
                "Average memory: 90.0% (the share of your 10 studied cards you would recall right now)",
                "",
                "Reviews per day, last 26 weeks: 14 answers on 2 days",
                "       Jun     Jul     Aug       Sep     Oct     Nov",
                "Mon    · · · · · · · · · · · · · · · · · · · · · · · · ·",
                "     · · · · · · · · · · · · · · · · · · · · · · · · · ·",
                "Wed  · · · · · · · · · · · · · · · · · · · · · · · · · ·",
                "     · · · · · · · · · · · · · · · · · · · · · · · · · ·",
                "Fri  · · · · · · · · · · · · · · · · · · · · · · · · · ▒",
                "     · · · · · · · · · · · · · · · · · · · · · · · · · █",
                "Sun  · · · · · · · · · · · · · · · · · · · · · · · · ·",
                "Less · ░ ▒ ▓ █ More    · 0  ░ 1–2  ▒ 3–5  ▓ 6–7  █ 8–10",
                "",
                "Due in the next 30 days: 10 cards (today includes overdue cards)",
                "5 ┤   █",
                "  │ ▆ █",
                "  │ █ █",
                "  │ █ █",
                "  │ █ █   ▂",
                "  │ █ █   █",
                "0 └────────────────────────────────────────────────────────────",
                "    today         28 Nov        5 Dec         12 Dec        19 Dec",
                "",
                "Hardest cards (lowest chance of recall now)",
                "   43%  plot  Who betrays Kathy at the end? · 3 lapses",
                "   60%  plot  b",
                "   70%  plot  word word word word word word word … · 1 lapse",
                "   80%  gone  [old#c2]",
                "",
                "Leeches (8 or more lapses): 3",
                "  11 lapses  plot  Who betrays Kathy at the end? · suspended",
                "  … and 2 more",
            ])
    }

    @Test func colourOnlyAddsToWhatTheShadesAndNumbersSay() {
        let coloured = StatsScreen(style: Style(enabled: true), width: 60, calendar: Self.utc).lines(
            Self.report(), decks: Self.decks)
        let stripped = coloured.map { Sanitizer.clean($0) }
        #expect(stripped == screen.lines(Self.report(), decks: Self.decks))
        #expect(coloured.contains { $0.contains("\u{1B}[32m█\u{1B}[0m") })
    }

    @Test func emptyListsSayNoneAndAnEmptyForecastHasNoChart() {
        var report = Self.report()
        report.hardest = []
        report.leeches = []
        report.leechCount = 0
        report.forecast = Array(repeating: 0, count: 30)
        report.decks = [report.decks[1]]
        report.total = report.decks[0]
        let lines = screen.lines(report, decks: Self.decks)
        #expect(lines[0] == "Statistics · deck plot · Saturday 21 November 2026")
        #expect(
            lines.suffix(6) == [
                "Due in the next 30 days: 0 cards (today includes overdue cards)",
                "",
                "Hardest cards (lowest chance of recall now)",
                "  none yet",
                "",
                "Leeches (8 or more lapses): none",
            ])
        #expect(!lines.contains("TOTAL    3         2      10          1          4         5"))
    }

    @Test func jsonHasEveryFigureWithNullsForTheUnknown() throws {
        let text = try StatsJSON.text(Self.report(), decks: Self.decks, calendar: Self.utc)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["reviews"] as? Int == 120)
        #expect(object["streak_days"] as? Int == 2)
        #expect(object["longest_streak_days"] as? Int == 9)
        #expect(object["today"] as? String == "2026-11-21")
        #expect(object["generated_at"] as? String == "2026-11-21T10:00:00Z")
        let retention = try #require(object["retention"] as? [String: Any])
        #expect(retention["7d"] as? Double == 0.875)
        #expect(retention["30d"] as? Double == 0.9)
        #expect(retention["all"] as? Double == 0.875)
        #expect(retention["desired"] is NSNull)
        #expect(object["average_memory"] as? Double == 0.9)
        let decks = try #require(object["decks"] as? [[String: Any]])
        #expect(decks.map { $0["id"] as? String } == ["cast", "plot"])  // deck text sanitised in JSON too
        #expect(decks[1]["new"] as? Int == 3)
        #expect(decks[1]["learning"] as? Int == 2)
        #expect(decks[1]["review"] as? Int == 10)
        #expect(decks[1]["due"] as? Int == 4)
        #expect(decks[1]["study_seconds_today"] as? Double == 250)
        #expect((decks[0]["retention"] as? [String: Any])?["7d"] is NSNull)
        #expect((decks[0]["retention"] as? [String: Any])?["desired"] as? Double == 0.85)
        let forecast = try #require(object["forecast"] as? [[String: Any]])
        #expect(forecast.count == 30)
        #expect(forecast[3]["date"] as? String == "2026-11-24")
        #expect(forecast[3]["due"] as? Int == 1)
        let heatmap = try #require(object["heatmap"] as? [[String: Any]])
        #expect(heatmap.last?["reviews"] as? Int == 10)
        #expect(heatmap.last?["practice"] as? Int == 2)
        let hardest = try #require(object["hardest"] as? [[String: Any]])
        #expect(hardest[0]["prompt"] as? String == "Who betrays Kathy\nat the end?")
        #expect(hardest[0]["retrievability"] as? Double == 0.4321)
        #expect(hardest[3]["prompt"] is NSNull)
        #expect(hardest[3]["key"] as? String == "old#c2")
        #expect(object["leech_count"] as? Int == 3)
        #expect((object["leeches"] as? [[String: Any]])?.first?["suspended"] as? Bool == true)
    }
}
