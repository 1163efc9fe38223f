import Foundation

/// Everything `recall stats` shows, computed at one moment from one snapshot of the store.
///
/// See `ProgressStore.statsReport(deckIDs:unsyncedItems:now:)` for how each figure is
/// counted. A value: it can be rendered, encoded as JSON, or compared in tests.
public struct StatsReport: Sendable, Hashable {
    /// How many weeks the heatmap covers.
    public static let heatmapWeeks = 26
    /// How many days the forecast covers (today first).
    public static let forecastDays = 30
    /// How many lapses make a card a leech.
    public static let leechLapses = 8
    /// How many hardest cards and leeches are listed.
    public static let listLength = 10

    /// The moment the figures are for.
    public var now: Date
    /// When the current study day started.
    public var today: Date
    /// The decks asked for (every deck in the store or loaded, when none was named), sorted by id.
    public var decks: [DeckStats]
    /// The figures of all of `decks` together (its id is empty).
    public var total: DeckStats
    /// The current and longest streak.
    public var streak: StudyStreak
    /// Answers per study day for the heatmap, oldest first: from the Monday 25 weeks before
    /// this week's to today.
    public var days: [DailyReviews]
    /// Studied cards due on each of the next 30 study days, today (overdue included) first.
    public var forecast: [Int]
    /// The studied cards (not suspended) with the lowest retrievability now, lowest first.
    public var hardest: [CardStanding]
    /// The cards with 8 or more lapses, most lapses first (at most `listLength`).
    public var leeches: [CardStanding]
    /// How many cards are leeches in all.
    public var leechCount: Int

    /// Creates a report from its parts.
    public init(
        now: Date, today: Date, decks: [DeckStats], total: DeckStats, streak: StudyStreak, days: [DailyReviews],
        forecast: [Int], hardest: [CardStanding], leeches: [CardStanding], leechCount: Int
    ) {
        self.now = now
        self.today = today
        self.decks = decks
        self.total = total
        self.streak = streak
        self.days = days
        self.forecast = forecast
        self.hardest = hardest
        self.leeches = leeches
        self.leechCount = leechCount
    }
}
