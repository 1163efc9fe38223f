import Foundation
import Scheduling
import Testing

@testable import Progress

@Suite struct StatsTests {
    /// A store with deck "plot": n1…n4 new, "l" learning, "r" review (due tomorrow), "s" suspended review.
    func makeStore(_ directory: TemporaryDirectory) throws -> ProgressStore {
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["n1", "n2", "n3", "n4", "l", "r", "s", "gone"])
        try answerNew(store, ItemRef(deckID: "plot", key: "l"), at: t0)
        for key in ["r", "s"] {
            let ref = ItemRef(deckID: "plot", key: key)
            try store.record(.manual(ref, at: t0, before: .new(due: t0), after: reviewState(due: at(hours: 20))))
        }
        try store.suspend(ItemRef(deckID: "plot", key: "s"))
        try register(store, deckID: "plot", keys: ["n1", "n2", "n3", "n4", "l", "r", "s"], at: at(hours: 0.5))
        return store
    }

    @Test func countsByStateLeaveOrphansOut() throws {
        let directory = try TemporaryDirectory()
        let store = try makeStore(directory)
        #expect(
            try store.stateCounts() == [
                "plot": StateCounts(new: 4, learning: 1, review: 2, relearning: 0, suspended: 1)
            ])
        #expect(try store.stateCounts(deckIDs: ["cast"]) == ["cast": StateCounts()])
        #expect(try store.stateCounts()["plot"]?.total == 7)
    }

    @Test func dueCountsNowTodayAndTomorrow() throws {
        let directory = try TemporaryDirectory()
        let store = try makeStore(directory)
        #expect(try store.dueCounts(now: at(hours: 1)) == ["plot": DueCounts(now: 1, today: 1, tomorrow: 1)])
        #expect(try store.dueCounts(now: t0) == ["plot": DueCounts(now: 0, today: 1, tomorrow: 1)])
    }

    @Test func reviewsPerDayAndRetention() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a", "b"])
        try register(store, deckID: "cast", keys: ["c"])
        let a = ItemRef(deckID: "plot", key: "a")
        let review = reviewState(due: t0)
        try store.record(.manual(a, at: at(hours: -30), before: .new(due: t0), after: review))
        // Yesterday (study day starting 04:00): one recalled review. Today: a lapse, a recall, a practice answer.
        try store.record(.study(a, rating: .good, at: at(hours: -20), before: review, after: review))
        try store.record(.study(a, rating: .again, at: at(hours: 1), before: review, after: review))
        try store.record(.study(a, rating: .hard, at: at(hours: 2), before: review, after: review))
        try store.record(
            .practice(ItemRef(deckID: "plot", key: "b"), rating: .again, at: at(hours: 3), state: .new(due: t0)))
        try answerNew(store, ItemRef(deckID: "cast", key: "c"), at: at(hours: 3))

        let days = try store.reviewsPerDay(from: at(hours: -20), to: t0)
        #expect(
            days == [
                DailyReviews(day: at(hours: -30), study: 1, practice: 0),
                DailyReviews(day: at(hours: -6), study: 3, practice: 1),
            ])
        #expect(
            try store.reviewsPerDay(deckIDs: ["plot"], from: t0, to: t0) == [
                DailyReviews(day: at(hours: -6), study: 2, practice: 1)
            ])
        let today = try store.retention(from: at(hours: -6), to: at(hours: 18))
        #expect(today == Retention(reviews: 2, recalled: 1))
        #expect(today.rate == 0.5)
        #expect(try store.retention(from: at(hours: -48), to: at(hours: 18)) == Retention(reviews: 3, recalled: 2))
        #expect(try store.retention(deckIDs: ["cast"], from: at(hours: -48), to: at(hours: 18)).rate == nil)
    }
}
