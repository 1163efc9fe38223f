import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

@Suite struct QueueTests {
    @Test func theStudyDayRollsOverAt4InTheMorning() {
        let day = utcRollover.start(ofDayContaining: t0)  // 10:00
        #expect(day == at(hours: -6))  // 04:00 the same day
        #expect(utcRollover.start(ofDayAfter: t0) == at(hours: 18))
        #expect(utcRollover.start(ofDayContaining: at(hours: 17.99)) == at(hours: -6))  // 03:59 next morning
        #expect(utcRollover.start(ofDayContaining: at(hours: 18)) == at(hours: 18))
        var paris = Calendar(identifier: .gregorian)
        paris.timeZone = TimeZone(identifier: "Europe/Paris") ?? paris.timeZone
        // 10:00Z is 11:00 in Paris in November, so the Paris study day began at 03:00Z.
        #expect(DayRollover(calendar: paris).start(ofDayContaining: t0) == at(hours: -7))
    }

    @Test func theQueueHoldsDueLearningAndReviewsAndTodaysNewCards() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: (1...30).map { "n\($0)" } + ["l", "r1", "r2", "later"])
        func set(_ key: String, _ state: CardState) throws {
            let ref = ItemRef(deckID: "plot", key: key)
            try store.record(.manual(ref, at: t0, before: try #require(try store.item(ref)).state, after: state))
        }
        try set(
            "l",
            CardState(
                phase: .relearning, step: 0, stability: 1, difficulty: 5, due: at(hours: 0.5), lastReview: t0, reps: 4,
                lapses: 1))
        try set("r1", reviewState(due: at(hours: -30)))
        try set("r2", reviewState(due: at(hours: 7)))  // 17:00, before tomorrow's 04:00
        try set("later", reviewState(due: at(hours: 19)))  // 05:00 tomorrow
        let queue = try store.queue(now: t0)
        #expect(queue.learning.map(\.ref.key) == ["l"])
        #expect(queue.review.map(\.ref.key) == ["r1", "r2"])
        #expect(queue.new.map(\.ref.key) == (1...20).map { "n\($0)" })
        #expect(queue.newAllowance["plot"] == NewCardAllowance(limit: 20, introducedToday: 0))
        #expect(queue.review.first?.state == reviewState(due: at(hours: -30)))
    }

    @Test func newCardsIntroducedTodayCountAgainstTheDailyLimitUntil4AM() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: (1...10).map { "n\($0)" })
        try register(store, deckID: "cast", keys: (1...10).map { "c\($0)" })
        var settings = DeckSettings()
        settings.newCardsPerDay = 3
        try store.saveSettings(settings, for: "plot")
        try answerNew(store, ItemRef(deckID: "plot", key: "n1"), at: t0)
        try answerNew(store, ItemRef(deckID: "plot", key: "n2"), at: at(hours: 1))
        // A practice answer to a new card does not introduce it.
        try store.record(.practice(ItemRef(deckID: "plot", key: "n3"), rating: .good, at: t0, state: .new(due: t0)))

        let evening = try store.queue(now: at(hours: 12))  // 22:00
        #expect(evening.newAllowance["plot"] == NewCardAllowance(limit: 3, introducedToday: 2))
        #expect(evening.newAllowance["cast"] == NewCardAllowance(limit: 20, introducedToday: 0))
        #expect(evening.new.map(\.ref.key) == (1...10).map { "c\($0)" } + ["n3"])
        let lateNight = try store.queue(deckIDs: ["plot"], now: at(hours: 17.9))  // 03:54 next morning
        #expect(lateNight.new.map(\.ref.key) == ["n3"])
        let nextDay = try store.queue(deckIDs: ["plot"], now: at(hours: 18))  // 04:00
        #expect(nextDay.new.map(\.ref.key) == ["n3", "n4", "n5"])
        #expect(nextDay.learning.map(\.ref.key) == ["n1", "n2"])
        try store.saveSettings(DeckSettings(newCardsPerDay: 0), for: "plot")
        #expect(try store.queue(deckIDs: ["plot"], now: at(hours: 18)).new.isEmpty)
    }

    @Test func learningItemsDueEarlierInTheDayStayDue() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["n1", "n2"])
        try answerNew(store, ItemRef(deckID: "plot", key: "n1"), at: t0)
        try answerNew(store, ItemRef(deckID: "plot", key: "n2"), at: at(hours: 1))
        let queue = try store.queue(now: at(hours: 30))
        #expect(queue.learning.map(\.ref.key) == ["n1", "n2"])
        #expect(queue.learning.map(\.state.due) == [at(hours: 10.0 / 60), at(hours: 1 + 10.0 / 60)])
    }

    @Test func everyQueueQueryUsesAnIndex() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let queries = [
            (ProgressStore.dueItemsSQL, 4), (ProgressStore.newItemsSQL, 3), (ProgressStore.newCardsIntroducedSQL, 1),
            (ProgressStore.dueCountsSQL, 4), (ProgressStore.stateCountsSQL, 0),
            (ProgressStore.reviewTimesSQL + ProgressStore.deckFilter(["a", "b"]).sql, 4),
            (ProgressStore.retentionSQL + ProgressStore.deckFilter(["a"]).sql, 3), (ProgressStore.retentionSQL, 2),
        ]
        for (sql, parameters) in queries {
            let plan = try store.database.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + sql,
                    arguments: StatementArguments(Array(repeating: 0, count: parameters))
                ).map { row -> String in row["detail"] }
            }
            let lookups = plan.filter { $0.hasPrefix("SCAN") || $0.hasPrefix("SEARCH") }
            #expect(!lookups.isEmpty)
            if sql.contains("FROM review") {
                #expect(lookups.first?.hasPrefix("SEARCH review USING INDEX review_time") == true, "\(plan)")
            }
            for line in lookups {
                #expect(
                    line.contains("USING INDEX") || line.contains("USING COVERING INDEX")
                        || line.contains("USING INTEGER PRIMARY KEY"),
                    "\(line) in the plan of \(sql)")
            }
        }
    }
}
