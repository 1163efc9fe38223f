import Foundation
import GRDB
import Scheduling

/// Accumulates a `StatsReport`'s figures from the item and tally rows, one row at a time.
struct StatsBuilder {
    /// A card that may make the hardest or leech lists.
    struct Candidate {
        var id: Int64
        var retrievability: Double?
        var lapses: Int
        var suspended: Bool
        var due: Int64
    }

    /// Answers on one study day.
    struct DayAnswers {
        var answers = 0
        var practice = 0
    }

    /// The figures per deck, in the order of the deck ids.
    var decks: [DeckStats]
    /// Each deck's scheduler, when its settings make one.
    var schedulers: [(any Scheduler)?]
    /// Studied cards due per forecast day.
    var forecast: [Int]
    /// The hardest cards so far, lowest retrievability first (ties: lower row id first).
    var hardest: [Candidate] = []
    /// Every leech, most lapses first once `scanItems` is done.
    var leeches: [Candidate] = []
    /// Answers per study day, from the heatmap's first day to today.
    var dayAnswers: [DayAnswers] = []

    private let index: [String: Int]
    private let now: Date
    private let nowMilliseconds: Int64
    private let forecastEnds: [Int64]

    /// A builder for `deckIDs` at `now`, with the ends of the forecast's study days.
    init(deckIDs: [String], now: Date, forecastEnds: [Date]) {
        decks = deckIDs.map { DeckStats(id: $0) }
        schedulers = Array(repeating: nil, count: deckIDs.count)
        forecast = Array(repeating: 0, count: forecastEnds.count)
        index = Dictionary(deckIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.now = now
        nowMilliseconds = now.unixMilliseconds
        self.forecastEnds = forecastEnds.map(\.unixMilliseconds)
    }

    /// Counts the item rows `id, deck_id, phase, suspended, stability, due, last_review,
    /// lapses, step, difficulty, reps`, every value checked (see `StoredValue`).
    mutating func scanItems(_ rows: RowCursor) throws {
        var lastDeck = ""
        var deck = -1
        while let row = try rows.next() {
            let deckID: String = row[1]
            if deckID != lastDeck || deck < 0 {
                guard let found = index[deckID] else { continue }
                lastDeck = deckID
                deck = found
            }
            guard
                let state = try StoredValue.state(
                    phase: row[2], step: row[8], stability: row[4], difficulty: row[9], due: row[5], lastReview: row[6],
                    reps: row[10], lapses: row[7])
            else { throw StateDecodingError(detail: "an item without a state") }
            let phase = state.phase
            let suspended: Bool = row[3]
            let due: Int64 = row[5]
            let lapses = state.lapses
            if suspended {
                decks[deck].suspended += 1
            } else {
                switch phase {
                case .new: decks[deck].new += 1
                case .learning: decks[deck].learning += 1
                case .relearning:
                    decks[deck].learning += 1
                    decks[deck].relearning += 1
                case .review: decks[deck].review += 1
                }
            }
            guard phase != .new else { continue }
            if !suspended { countDue(due, deck: deck) }
            var retrievability: Double?
            if let scheduler = schedulers[deck] {
                retrievability = scheduler.retrievability(of: state, at: now)
            }
            let candidate = Candidate(
                id: row[0], retrievability: retrievability, lapses: lapses, suspended: suspended, due: due)
            if let retrievability, !suspended {
                decks[deck].retrievabilitySum += retrievability
                decks[deck].memoryCards += 1
                considerHardest(candidate, retrievability: retrievability)
            }
            if lapses >= StatsReport.leechLapses { leeches.append(candidate) }
        }
        leeches.sort { $0.lapses != $1.lapses ? $0.lapses > $1.lapses : $0.id < $1.id }
    }

    /// Counts a studied, unsuspended card due at `due` (Unix milliseconds).
    private mutating func countDue(_ due: Int64, deck: Int) {
        if due <= nowMilliseconds { decks[deck].due.now += 1 }
        guard let last = forecastEnds.last, due < last else { return }
        var day = 0
        while due >= forecastEnds[day] { day += 1 }
        forecast[day] += 1
        if day == 0 { decks[deck].due.today += 1 }
        if day == 1 { decks[deck].due.tomorrow += 1 }
    }

    /// Keeps `candidate` if it is among the `StatsReport.listLength` lowest retrievabilities.
    private mutating func considerHardest(_ candidate: Candidate, retrievability: Double) {
        let limit = StatsReport.listLength
        if hardest.count == limit, let worst = hardest.last?.retrievability, retrievability >= worst { return }
        let position = hardest.firstIndex { ($0.retrievability ?? 0) > retrievability } ?? hardest.count
        hardest.insert(candidate, at: position)
        if hardest.count > limit { hardest.removeLast() }
    }

    /// Counts the `review_total` rows `deck_id, answers, practice, retention_reviews, retention_recalled`.
    mutating func scanTotals(_ rows: RowCursor) throws {
        while let row = try rows.next() {
            let deckID: String = row[0]
            guard let deck = index[deckID] else { continue }
            decks[deck].reviews += row[1]
            decks[deck].practice += row[2]
            decks[deck].retentionAllTime = decks[deck].retentionAllTime.adding(
                Retention(reviews: row[3], recalled: row[4]))
        }
    }

    /// Counts the recent `review_day` rows `day, deck_id, answers, practice,
    /// retention_reviews, retention_recalled, duration_ms` into the days numbered from
    /// `firstDay` to `today` (the heatmap's days) and the 7- and 30-day windows ending today.
    mutating func scanRecentDays(_ rows: RowCursor, firstDay: Int, today: Int) throws {
        dayAnswers = Array(repeating: DayAnswers(), count: max(0, today - firstDay + 1))
        while let row = try rows.next() {
            let day: Int = row[0]
            let deckID: String = row[1]
            guard day <= today, let deck = index[deckID] else { continue }
            let answers: Int = row[2]
            let practice: Int = row[3]
            let retention = Retention(reviews: row[4], recalled: row[5])
            if day >= firstDay {
                dayAnswers[day - firstDay].answers += answers
                dayAnswers[day - firstDay].practice += practice
            }
            if day > today - 30 { decks[deck].retention30Days = decks[deck].retention30Days.adding(retention) }
            if day > today - 7 { decks[deck].retention7Days = decks[deck].retention7Days.adding(retention) }
            if day == today {
                decks[deck].reviewsToday += answers
                decks[deck].practiceToday += practice
                decks[deck].studyMillisecondsToday += row[6]
            }
        }
    }

    /// The starts of the study days from the one containing `first` through the one
    /// containing `last`, in Unix milliseconds.
    ///
    /// Calendar arithmetic is slow, so a day that does not cross a change of UTC offset is
    /// taken as 24 hours; one that does is left to `rollover`.
    static func dayStarts(from first: Date, through last: Date, rollover: DayRollover) -> [Int64] {
        let timeZone = rollover.calendar.timeZone
        var starts: [Int64] = []
        var day = rollover.start(ofDayContaining: first)
        let end = rollover.start(ofDayContaining: last)
        while day <= end {
            starts.append(day.unixMilliseconds)
            let next = day.addingTimeInterval(86_400)
            day =
                timeZone.secondsFromGMT(for: next) == timeZone.secondsFromGMT(for: day)
                ? next : rollover.start(ofDayAfter: day)
        }
        return starts
    }
}
