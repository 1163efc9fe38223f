import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

/// A small store made by an earlier recall, kept in `Fixtures/` to check that every later
/// schema still opens it and finds everything in it.
///
/// `Fixtures/store-2026-11.sqlite` was made by `make(at:)` at commit 61bf557 (schema
/// migrations v1, review-tally, review-days: the day tallies kept by triggers calling
/// `recall_study_day`), with `Fixtures/store-2026-11.expected.txt` from `describe(_:)` on it:
///
///     RECALL_MAKE_STORE_FIXTURE=1 swift test --filter StoreFixtureMaker
///
/// (Run today, that makes the same history in today's schema; the committed files stay as made.)
enum StoreFixture {
    static let name = "store-2026-11"

    /// The decks, items and history of the fixture, answered with the real FSRS-6 and SM-2.
    static func make(at path: String) throws {
        let store = try ProgressStore(path: path, dayRollover: utcRollover)
        func item(_ deck: String, _ card: String, _ suffix: String = "") -> SyncItem {
            SyncItem(key: card + suffix, cardID: card, contentHash: "hash-\(card)")
        }
        try store.sync(
            deckID: "alpha",
            items: [item("alpha", "a1"), item("alpha", "a1", "#reverse"), item("alpha", "a2"), item("alpha", "a3")],
            at: t0)
        try store.sync(deckID: "beta", items: [item("beta", "b1"), item("beta", "b2")], at: t0)
        try store.sync(deckID: "gamma", items: [item("gamma", "g1", "#c1"), item("gamma", "g1", "#c2")], at: t0)

        var sm2 = SchedulerConfiguration()
        sm2.kind = .sm2
        sm2.desiredRetention = 0.85
        try store.saveSettings(DeckSettings(scheduler: sm2, newCardsPerDay: 5), for: "alpha")
        var custom = SchedulerConfiguration()
        custom.parameters = Array(FSRSParameters.defaultWeights.enumerated().map { $0.offset == 0 ? 0.3 : $0.element })
        custom.learningSteps = [60, 300]
        custom.relearningSteps = []
        custom.maximumInterval = 1_000
        try store.saveSettings(DeckSettings(scheduler: custom, newCardsPerDay: 0), for: "beta")

        let fsrs = try FSRS()
        let sm2Scheduler = try SM2()
        func answer(
            _ deck: String, _ key: String, _ rating: Rating, at time: Date, session: Int64?, duration: Int? = nil
        ) throws {
            let ref = ItemRef(deckID: deck, key: key)
            let before = try #require(try store.item(ref)).state
            let after =
                deck == "alpha"
                ? sm2Scheduler.review(before, rating: rating, at: time)
                : fsrs.review(before, rating: rating, at: time)
            try store.record(
                .study(
                    ref, rating: rating, at: time, before: before, after: after,
                    durationMilliseconds: duration, sessionID: session))
        }
        // Day 1 (2026-11-21): a session over every deck.
        let first = try store.startSession(.study, deckIDs: ["alpha", "beta", "gamma"], at: at(hours: 0))
        try answer("alpha", "a1", .good, at: at(hours: 0.01), session: first, duration: 4_200)
        try answer("alpha", "a1#reverse", .again, at: at(hours: 0.02), session: first, duration: 9_100)
        try answer("beta", "b1", .easy, at: at(hours: 0.03), session: first)
        try answer("gamma", "g1#c1", .hard, at: at(hours: 0.04), session: first, duration: 2_000)
        try answer("alpha", "a1#reverse", .good, at: at(hours: 0.2), session: first, duration: 3_000)
        try answer("gamma", "g1#c2", .good, at: at(hours: 0.25), session: first)
        // An answer taken back.
        try answer("alpha", "a2", .again, at: at(hours: 0.3), session: first)
        try store.undoLast(sessionID: first)
        try store.endSession(
            first, at: at(hours: 0.5),
            counts: SessionCounts(answered: 5, newItems: 5, again: 1, hard: 1, good: 2, easy: 1))
        // Day 2, 02:30 UTC: still the study day of the 21st (rollover 04:00).
        try answer("beta", "b1", .good, at: at(hours: 16.5), session: nil, duration: 1_500)
        // Day 3: reviews, a lapse, a practice quiz and a manual reset.
        try answer("alpha", "a1", .good, at: at(hours: 48), session: nil)
        try answer("gamma", "g1#c1", .again, at: at(hours: 49), session: nil)
        let quiz = try store.startSession(.quiz, deckIDs: ["beta"], at: at(hours: 50))
        let b1 = ItemRef(deckID: "beta", key: "b1")
        try store.record(
            .practice(
                b1, rating: .hard, at: at(hours: 50.1), state: try #require(try store.item(b1)).state,
                durationMilliseconds: 800, sessionID: quiz))
        try store.endSession(
            quiz, at: at(hours: 50.2),
            counts: SessionCounts(answered: 1, newItems: 0, again: 0, hard: 1, good: 0, easy: 0))
        let c2 = ItemRef(deckID: "gamma", key: "g1#c2")
        let c2State = try #require(try store.item(c2)).state
        try store.record(.manual(c2, at: at(hours: 51), before: c2State, after: CardState.new(due: at(hours: 51))))
        // A suspended card, a buried one, and an orphan (a3 left its deck).
        try store.suspend(ItemRef(deckID: "beta", key: "b2"))
        try store.bury(ItemRef(deckID: "alpha", key: "a1"), until: at(hours: 66))
        try store.sync(
            deckID: "alpha", items: [item("alpha", "a1"), item("alpha", "a1", "#reverse"), item("alpha", "a2")],
            at: at(hours: 52))
    }

    /// Everything a user would miss if it were lost, one line each: every item and its state,
    /// every row of the log, every setting, every session, and the day tallies.
    static func describe(_ store: ProgressStore) throws -> [String] {
        var lines: [String] = []
        func state(_ state: CardState?) -> String {
            guard let state else { return "-" }
            return [
                state.phase.rawValue, state.step.map(String.init) ?? "-", state.stability.map { "\($0)" } ?? "-",
                state.difficulty.map { "\($0)" } ?? "-", "\(state.due.unixMilliseconds)",
                state.lastReview.map { "\($0.unixMilliseconds)" } ?? "-", "\(state.reps)", "\(state.lapses)",
            ].joined(separator: " ")
        }
        let keys: [(String, String)] = [
            ("alpha", "a1"), ("alpha", "a1#reverse"), ("alpha", "a2"), ("alpha", "a3"), ("beta", "b1"), ("beta", "b2"),
            ("gamma", "g1#c1"), ("gamma", "g1#c2"),
        ]
        for (deck, key) in keys {
            guard let item = try store.item(ItemRef(deckID: deck, key: key)) else {
                lines.append("item \(deck)/\(key) missing")
                continue
            }
            lines.append(
                "item \(deck)/\(key) card=\(item.cardID) hash=\(item.contentHash) state=\(state(item.state))"
                    + " suspended=\(item.suspended) buried=\(item.buriedUntil.map { "\($0.unixMilliseconds)" } ?? "-")"
                    + " orphaned=\(item.orphanedAt.map { "\($0.unixMilliseconds)" } ?? "-")")
        }
        try store.forEachReview(kinds: Set(ReviewKind.allCases)) { review in
            lines.append(
                "review \(review.id) \(review.item.deckID)/\(review.item.key) card=\(review.cardID)"
                    + " at=\(review.time.unixMilliseconds) rating=\(review.rating.map { "\($0.rawValue)" } ?? "-")"
                    + " kind=\(review.kind.rawValue) ms=\(review.durationMilliseconds.map(String.init) ?? "-")"
                    + " before=\(state(review.before)) after=\(state(review.after))")
        }
        for deck in ["alpha", "beta", "gamma"] {
            let settings = try store.settings(for: deck)
            let scheduler = settings.scheduler
            lines.append(
                "settings \(deck) \(scheduler.kind.rawValue) retention=\(scheduler.desiredRetention)"
                    + " learning=\(scheduler.learningSteps) relearning=\(scheduler.relearningSteps)"
                    + " maximum=\(scheduler.maximumInterval) fuzz=\(scheduler.fuzz)"
                    + " parameters=\(scheduler.parameters.map { "\($0)" } ?? "-") new=\(settings.newCardsPerDay)")
        }
        let queue = try DatabaseQueue(
            path: store.path,
            configuration: {
                var configuration = Configuration()
                configuration.readonly = true
                return configuration
            }())
        try queue.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT * FROM session ORDER BY id") {
                lines.append(
                    "session " + row.columnNames.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " "))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM review_day ORDER BY day, deck_id") {
                lines.append(
                    "review_day " + row.columnNames.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " "))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM review_total ORDER BY deck_id") {
                lines.append(
                    "review_total " + row.columnNames.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ")
                )
            }
        }
        return lines
    }
}

/// Makes the fixture (only when asked: see ``StoreFixture``).
struct StoreFixtureMaker {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RECALL_MAKE_STORE_FIXTURE"] != nil))
    func makeTheStoreFixture() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        try StoreFixture.make(at: path)
        // Every connection is closed: the WAL is checkpointed into the file and removed.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let target = fixtures.appendingPathComponent(StoreFixture.name + ".sqlite")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(atPath: path, toPath: target.path)
        let lines = try StoreFixture.describe(
            try ProgressStore(path: path, access: .readOnly, dayRollover: utcRollover))
        try Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: fixtures.appendingPathComponent(StoreFixture.name + ".expected.txt"))
    }
}
