import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

/// Fixed histories with known answers for every figure of `statsReport`.
@Suite struct StatsReportTests {
    /// Europe/London, where summer time ends on Sunday 25 October 2026 and starts on Sunday 29 March 2026.
    static let london: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        return calendar
    }()

    /// Study days starting at 04:00 London time.
    static let rollover = DayRollover(calendar: london, hour: 4)

    /// A moment written in ISO 8601 with its offset, e.g. "2026-10-25T03:30:00+00:00".
    static func time(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    /// A review-phase state last reviewed at `lastReview` with FSRS stability `stability` (or an SM-2 interval).
    static func review(stability: Double, lastReview: Date, due: Date, lapses: Int = 0) -> CardState {
        CardState(
            phase: .review, stability: stability, difficulty: 5, due: due, lastReview: lastReview, reps: 5,
            lapses: lapses)
    }

    /// Opens a store with London study days and registers `keys` in each deck.
    static func makeStore(_ directory: TemporaryDirectory, decks: [String: [String]]) throws -> ProgressStore {
        let store = try ProgressStore(path: directory.path("progress.sqlite"), dayRollover: rollover)
        for (deck, keys) in decks.sorted(by: { $0.key < $1.key }) {
            try store.sync(
                deckID: deck, items: keys.map { SyncItem(key: $0, cardID: $0, contentHash: "h") },
                at: try time("2026-01-01T12:00:00Z"))
        }
        return store
    }

    /// Sets an item's state by hand (a manual change: it counts as no answer).
    static func set(_ store: ProgressStore, _ deck: String, _ key: String, _ state: CardState, at time: Date) throws {
        let ref = ItemRef(deckID: deck, key: key)
        let before = try #require(try store.item(ref)).state
        try store.record(.manual(ref, at: time, before: before, after: state))
    }

    /// Records a study answer to a card in `phase`, leaving it in the same phase.
    static func answer(
        _ store: ProgressStore, _ deck: String, _ key: String, _ rating: Rating, at time: Date,
        phase: CardPhase = .review, milliseconds: Int? = nil
    ) throws {
        let state = CardState(phase: phase, stability: 10, difficulty: 5, due: time, lastReview: time, reps: 3)
        try store.record(
            .study(
                ItemRef(deckID: deck, key: key), rating: rating, at: time, before: state, after: state,
                durationMilliseconds: milliseconds))
    }

    /// Records a practice answer.
    static func practice(_ store: ProgressStore, _ deck: String, _ key: String, _ rating: Rating, at time: Date) throws
    {
        let state = CardState(phase: .review, stability: 10, difficulty: 5, due: time, lastReview: time, reps: 3)
        try store.record(
            .practice(
                ItemRef(deckID: deck, key: key), rating: rating, at: time, state: state, durationMilliseconds: 4_000))
    }

    @Test func streakAcrossTheEndOfSummerTimeAndAMonthEnd() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory, decks: ["plot": ["a"]])
        // Two days (20, 21 October), a gap on the 22nd, then every study day from 23 October
        // to 1 November: across the clock change of Sunday 25 October and the end of October.
        for text in [
            "2026-10-20T18:00:00+01:00", "2026-10-21T09:00:00+01:00",
            "2026-10-23T08:00:00+01:00", "2026-10-24T23:30:00+01:00",
            // 03:30 GMT on the 25th is before 04:00: still the study day of the 24th.
            "2026-10-25T03:30:00+00:00",
            // 04:00 GMT on the 25th, just after the clocks went back: the 25th.
            "2026-10-25T04:00:00+00:00",
            "2026-10-26T12:00:00+00:00", "2026-10-27T12:00:00+00:00", "2026-10-28T12:00:00+00:00",
            "2026-10-29T12:00:00+00:00", "2026-10-30T12:00:00+00:00", "2026-10-31T22:00:00+00:00",
            // 03:59 on 2 November is still the study day of 1 November.
            "2026-11-02T03:59:00+00:00",
        ] {
            try Self.answer(store, "plot", "a", .good, at: try Self.time(text))
        }
        // Monday 2 November, 10:00: today has no answer yet, so the streak runs to yesterday.
        let morning = try store.statsReport(now: try Self.time("2026-11-02T10:00:00+00:00"))
        #expect(morning.streak == StudyStreak(current: 10, longest: 10, studiedToday: false))
        #expect(morning.today == (try Self.time("2026-11-02T04:00:00+00:00")))
        #expect(morning.total.reviewsToday == 0)

        try Self.answer(store, "plot", "a", .good, at: try Self.time("2026-11-02T04:00:00+00:00"))
        let later = try store.statsReport(now: try Self.time("2026-11-02T10:00:00+00:00"))
        #expect(later.streak == StudyStreak(current: 11, longest: 11, studiedToday: true))
        #expect(later.total.reviewsToday == 1)

        // Wednesday 4 November: the 3rd passed without an answer, so the streak is broken.
        let broken = try store.statsReport(now: try Self.time("2026-11-04T10:00:00+00:00"))
        #expect(broken.streak == StudyStreak(current: 0, longest: 11, studiedToday: false))
        #expect(broken.total.reviews == 14)
    }

    @Test func streakAcrossTheStartOfSummerTime() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory, decks: ["plot": ["a"]])
        // Summer time starts at 01:00 GMT on Sunday 29 March 2026: 04:00 local is 03:00 GMT.
        for text in [
            "2026-03-27T20:00:00+00:00",
            "2026-03-28T20:00:00+00:00",
            // 03:30 BST on the 29th (02:30 GMT) is still the study day of the 28th: no answer on the 29th…
            "2026-03-29T03:30:00+01:00",
            "2026-03-30T04:00:00+01:00", "2026-03-31T21:00:00+01:00", "2026-04-01T08:00:00+01:00",
        ] {
            try Self.answer(store, "plot", "a", .good, at: try Self.time(text))
        }
        let report = try store.statsReport(now: try Self.time("2026-04-01T09:00:00+01:00"))
        #expect(report.streak == StudyStreak(current: 3, longest: 3, studiedToday: true))
        // …but 03:00 GMT on the 29th is 04:00 BST: the study day of the 29th.
        try Self.answer(store, "plot", "a", .good, at: try Self.time("2026-03-29T03:00:00+00:00"))
        let joined = try store.statsReport(now: try Self.time("2026-04-01T09:00:00+01:00"))
        #expect(joined.streak == StudyStreak(current: 6, longest: 6, studiedToday: true))
        // The study days in between are 23 hours (the 29th) and 24 hours long.
        let days = joined.days.suffix(6).map(\.day)
        #expect(days.map { Self.london.component(.day, from: $0) } == [27, 28, 29, 30, 31, 1])
        #expect(days.map { Self.london.component(.hour, from: $0) } == [4, 4, 4, 4, 4, 4])
        #expect(joined.days.suffix(6).map(\.study) == [1, 2, 1, 1, 1, 1])
    }

    @Test func retentionCountsStudyAnswersToReviewCardsOnly() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory, decks: ["plot": ["a", "b"], "cast": ["c"]])
        let now = try Self.time("2026-11-21T12:00:00+00:00")
        let day = 86_400.0
        // Today: again and good on review cards; a practice again and a learning-step again (neither counts).
        try Self.answer(store, "plot", "a", .again, at: now.addingTimeInterval(-3_600), milliseconds: 12_000)
        try Self.answer(store, "plot", "b", .good, at: now.addingTimeInterval(-1_800), milliseconds: 8_000)
        try Self.practice(store, "plot", "a", .again, at: now.addingTimeInterval(-600))
        try Self.answer(store, "plot", "b", .again, at: now.addingTimeInterval(-300), phase: .learning)
        // 10 days ago: hard and easy (30-day window). 40 days ago: again (all time only).
        try Self.answer(store, "plot", "a", .hard, at: now.addingTimeInterval(-10 * day))
        try Self.answer(store, "cast", "c", .easy, at: now.addingTimeInterval(-10 * day))
        try Self.answer(store, "plot", "b", .again, at: now.addingTimeInterval(-40 * day))

        let report = try store.statsReport(now: now)
        #expect(report.total.retention7Days == Retention(reviews: 2, recalled: 1))
        #expect(report.total.retention30Days == Retention(reviews: 4, recalled: 3))
        #expect(report.total.retentionAllTime == Retention(reviews: 5, recalled: 3))
        #expect(report.total.retentionAllTime.rate == 0.6)
        #expect(report.total.desiredRetention == 0.9)
        #expect(report.total.reviews == 7)
        #expect(report.total.practice == 1)
        #expect(report.total.reviewsToday == 4)
        #expect(report.total.practiceToday == 1)
        #expect(report.total.studyMillisecondsToday == 24_000)

        let cast = try #require(report.decks.first { $0.id == "cast" })
        #expect(cast.retention30Days == Retention(reviews: 1, recalled: 1))
        #expect(cast.retention7Days == Retention(reviews: 0, recalled: 0))
        #expect(cast.reviewsToday == 0)

        // Only the deck asked for.
        let plot = try store.statsReport(deckIDs: ["plot"], now: now)
        #expect(plot.decks.map(\.id) == ["plot"])
        #expect(plot.total.retention30Days == Retention(reviews: 3, recalled: 2))
        #expect(plot.total.reviews == 6)
        #expect(plot.days.last?.study == 3)
        #expect(plot.days.last?.practice == 1)
    }

    @Test func cardsDueMemoryHardestAndLeeches() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(
            directory,
            decks: [
                "plot": ["new1", "new2", "learn", "relearn", "r1", "r2", "r3", "leech", "gone"], "cast": ["s1", "s2"],
            ])
        try store.saveSettings(
            DeckSettings(scheduler: SchedulerConfiguration(kind: .sm2, desiredRetention: 0.85)), for: "cast")
        let now = try Self.time("2026-11-21T12:00:00+00:00")
        let day = 86_400.0
        let setAt = now.addingTimeInterval(-100 * day)
        // learn: due in 10 minutes (today); relearn: overdue.
        try Self.set(
            store, "plot", "learn",
            CardState(
                phase: .learning, step: 0, stability: 1, difficulty: 5,
                due: now.addingTimeInterval(600), lastReview: now, reps: 1), at: setAt)
        try Self.set(
            store, "plot", "relearn",
            CardState(
                phase: .relearning, step: 0, stability: 2, difficulty: 6,
                due: now.addingTimeInterval(-60), lastReview: now.addingTimeInterval(-2 * day), reps: 9, lapses: 3),
            at: setAt)
        // FSRS recall is 0.9 exactly when the days since the last review equal the stability.
        try Self.set(
            store, "plot", "r1",
            Self.review(
                stability: 10, lastReview: now.addingTimeInterval(-10 * day),
                due: now.addingTimeInterval(day)), at: setAt)  // tomorrow (due 12:00 on the 22nd)
        try Self.set(
            store, "plot", "r2",
            Self.review(
                stability: 4, lastReview: now,
                due: now.addingTimeInterval(4 * day)), at: setAt)  // recall 1 (reviewed just now), due in 4 days
        try Self.set(
            store, "plot", "r3",
            Self.review(
                stability: 3, lastReview: now.addingTimeInterval(-3 * day),
                due: now.addingTimeInterval(40 * day)), at: setAt)  // recall 0.9, due beyond the forecast
        try Self.set(
            store, "plot", "leech",
            Self.review(
                stability: 1, lastReview: now.addingTimeInterval(-1 * day),
                due: now.addingTimeInterval(16 * 3_600), lapses: 9), at: setAt)  // 04:00 on the 22nd: tomorrow
        try store.suspend(ItemRef(deckID: "plot", key: "new2"))
        // SM-2 (cast): recall by the FSRS curve, 0.9 on the due date; s1 is 6 days overdue on a
        // 6-day interval, s2 suspended with 8 lapses.
        try Self.set(
            store, "cast", "s1",
            Self.review(
                stability: 6, lastReview: now.addingTimeInterval(-12 * day),
                due: now.addingTimeInterval(-6 * day)), at: setAt)
        try Self.set(
            store, "cast", "s2",
            Self.review(
                stability: 6, lastReview: now.addingTimeInterval(-20 * day),
                due: now.addingTimeInterval(-14 * day), lapses: 8), at: setAt)
        try store.suspend(ItemRef(deckID: "cast", key: "s2"))
        // "gone" leaves the deck: an orphan counts nowhere.
        try Self.set(
            store, "plot", "gone", Self.review(stability: 1, lastReview: setAt, due: setAt, lapses: 20), at: setAt)
        try store.sync(
            deckID: "plot",
            items: ["new1", "new2", "learn", "relearn", "r1", "r2", "r3", "leech"].map {
                SyncItem(key: $0, cardID: $0, contentHash: "h")
            }, at: setAt)

        let report = try store.statsReport(
            loadedDecks: ["plot": ["new1", "extra"], "quotes": ["q1", "q2", "q3"]], now: now)
        #expect(report.decks.map(\.id) == ["cast", "plot", "quotes"])
        let plot = report.decks[1]
        #expect([plot.new, plot.learning, plot.relearning, plot.review, plot.suspended] as [Int] == [2, 2, 1, 4, 1])
        #expect(plot.cards == 9)
        #expect(plot.due == DueCounts(now: 1, today: 2, tomorrow: 2))
        #expect(plot.desiredRetention == 0.9)
        let cast = report.decks[0]
        #expect([cast.new, cast.learning, cast.review, cast.suspended] as [Int] == [0, 0, 1, 1])
        #expect(cast.due == DueCounts(now: 1, today: 1, tomorrow: 0))
        #expect(cast.desiredRetention == 0.85)
        #expect(report.decks[2].new == 3)
        #expect(report.total.desiredRetention == nil)
        #expect(report.total.new == 5)
        #expect(report.total.due == DueCounts(now: 2, today: 3, tomorrow: 2))
        #expect(report.forecast.count == 30)
        #expect(Array(report.forecast.prefix(6)) == [3, 2, 0, 0, 1, 0])
        #expect(report.forecast.reduce(0, +) == 6)

        // Memory: plot has learn (recall 1), relearn 0.9, r1 0.9, r2 1, r3 0.9, leech 0.9; cast has s1.
        let curve = { (elapsed: Double, interval: Double) in
            pow(1 + FSRSParameters.default.factor * elapsed / interval, -FSRSParameters.default.decay)
        }
        #expect(abs(curve(12, 6) - 0.8459) < 1e-4)
        let relearn = try #require(
            try SchedulerConfiguration().makeScheduler().retrievability(
                of: CardState(phase: .relearning, stability: 2, due: now, lastReview: now.addingTimeInterval(-2 * day)),
                at: now))
        #expect(abs(relearn - 0.9) < 1e-12)
        #expect(plot.memoryCards == 6)
        #expect(abs((plot.averageRetrievability ?? 0) - (1 + 0.9 + 0.9 + 1 + 0.9 + 0.9) / 6) < 1e-12)
        #expect(cast.memoryCards == 1)
        #expect(abs((cast.averageRetrievability ?? 0) - curve(12, 6)) < 1e-12)
        #expect(abs((report.total.averageRetrievability ?? 0) - (5.6 + curve(12, 6)) / 7) < 1e-12)

        // Hardest: s1, then the four at 0.9 in row order (rows are numbered in sync order), then the two at 1.
        #expect(report.hardest.map(\.ref.key) == ["s1", "relearn", "r1", "r3", "leech", "learn", "r2"])
        #expect(report.hardest.map(\.lapses) == [0, 3, 0, 0, 9, 0, 0])
        // Leeches: 9 lapses before 8; the suspended one is listed, the orphan is not.
        #expect(
            report.leeches.map(\.ref) == [ItemRef(deckID: "plot", key: "leech"), ItemRef(deckID: "cast", key: "s2")])
        #expect(report.leeches.map(\.suspended) == [false, true])
        #expect(report.leechCount == 2)
        let s2 = try #require(report.leeches.last?.retrievability)
        #expect(abs(s2 - curve(20, 6)) < 1e-12)
    }

    @Test func anEmptyStore() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory, decks: [:])
        let now = try Self.time("2026-11-19T12:00:00+00:00")  // a Thursday
        let report = try store.statsReport(now: now)
        #expect(report.decks.isEmpty)
        #expect(report.total.cards == 0)
        #expect(report.total.averageRetrievability == nil)
        #expect(report.total.retentionAllTime.rate == nil)
        #expect(report.streak == StudyStreak(current: 0, longest: 0, studiedToday: false))
        // 25 whole weeks and this week's Monday to Thursday.
        #expect(report.days.count == 25 * 7 + 4)
        #expect(Self.london.component(.weekday, from: report.days[0].day) == 2)
        #expect(report.days.last?.day == (try Self.time("2026-11-19T04:00:00+00:00")))
        #expect(report.forecast == Array(repeating: 0, count: 30))
        #expect(report.hardest.isEmpty && report.leeches.isEmpty && report.leechCount == 0)
    }

    @Test func theTallyFollowsEveryAnswerAndUndo() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory, decks: ["plot": ["a", "b"], "cast": ["c"]])
        let now = try Self.time("2026-11-21T12:00:00+00:00")
        for minute in 0..<40 {
            let deck = minute % 3 == 0 ? "cast" : "plot"
            let key = deck == "cast" ? "c" : (minute % 2 == 0 ? "a" : "b")
            let time = now.addingTimeInterval(Double(-minute) * 3_000)
            if minute % 5 == 0 {
                try Self.practice(store, deck, key, .hard, at: time)
            } else {
                try Self.answer(
                    store, deck, key, Rating(rawValue: minute % 4 + 1) ?? .good, at: time, milliseconds: minute * 100)
            }
        }
        for _ in 0..<7 { try store.undoLast() }
        try store.read { db in
            let days = try Row.fetchAll(db, sql: "SELECT * FROM review_day ORDER BY day, deck_id")
            let recomputed = try Row.fetchAll(
                db,
                sql: """
                    SELECT review.study_day, item.deck_id, COUNT(*), SUM(review.kind = 'practice'),
                           SUM(review.kind = 'study' AND review.before_phase = 'review'),
                           SUM(review.kind = 'study' AND review.before_phase = 'review' AND review.rating >= 2),
                           COALESCE(SUM(review.duration_ms), 0)
                    FROM review JOIN item ON item.id = review.item_id WHERE review.kind <> 'manual'
                    GROUP BY 1, 2 ORDER BY 1, 2
                    """)
            #expect(days.count == 4)
            // Each answer is filed under the study day it was given on.
            let numbering = StudyDayNumber(rollover: store.dayRollover)
            for row in try Row.fetchAll(db, sql: "SELECT reviewed_at, study_day FROM review") {
                #expect(row[1] as Int == numbering.number(ofMilliseconds: row[0]))
            }
            #expect(
                days.map { $0.databaseValues.map(\.description) }
                    == recomputed.map { $0.databaseValues.map(\.description) })
            let totals = try Row.fetchAll(db, sql: "SELECT * FROM review_total ORDER BY deck_id")
            let summed = try Row.fetchAll(
                db,
                sql: """
                    SELECT deck_id, SUM(answers), SUM(practice), SUM(retention_reviews), SUM(retention_recalled), SUM(duration_ms)
                    FROM review_day GROUP BY deck_id ORDER BY deck_id
                    """)
            #expect(
                totals.map { $0.databaseValues.map(\.description) }
                    == summed.map { $0.databaseValues.map(\.description) })
        }
        // Study day numbers count local dates: 21 November 2026 is day 20 778 since 1970-01-01.
        #expect(StudyDayNumber.daysFromCivil(year: 2026, month: 11, day: 21) == 20_778)
        #expect(StudyDayNumber.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(StudyDayNumber.daysFromCivil(year: 1969, month: 12, day: 31) == -1)
        #expect(
            StudyDayNumber(rollover: Self.rollover).number(of: try Self.time("2026-11-22T03:59:00+00:00")) == 20_778)
    }
}
