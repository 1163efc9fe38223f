import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

@Suite("Review outlines (the export's lean read of the log)")
struct ReviewOutlineTests {
    /// A store with study, practice and manual answers in two decks, saved out of time order.
    static func store(_ directory: TemporaryDirectory) throws -> ProgressStore {
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a", "b"])
        try register(store, deckID: "cast", keys: ["c"])
        let a = ItemRef(deckID: "plot", key: "a")
        let b = ItemRef(deckID: "plot", key: "b")
        let c = ItemRef(deckID: "cast", key: "c")
        let new = CardState.new(due: t0)
        let learning = CardState(
            phase: .learning, step: 1, stability: 2.3065, difficulty: 2.118103970459016, due: at(hours: 1.2),
            lastReview: at(hours: 1), reps: 1, lapses: 0)
        try store.record(batch: [
            .study(a, rating: .good, at: at(hours: 5), before: learning, after: reviewState(due: at(hours: 100))),
            .study(a, rating: .hard, at: at(hours: 1), before: new, after: learning, durationMilliseconds: 4_200),
            .practice(b, rating: .again, at: at(hours: 2), state: new, durationMilliseconds: 900),
            .manual(c, at: at(hours: 3), before: new, after: reviewState(due: at(hours: 50))),
            // The same millisecond as the first: saved order breaks the tie.
            .study(c, rating: .easy, at: at(hours: 5), before: new, after: reviewState(due: at(hours: 200))),
        ])
        return store
    }

    @Test("every answer, oldest first, with the values forEachReview decodes")
    func matchesTheFullRead() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.store(directory)
        var rows: [Int64: ItemRef] = [:]
        try store.forEachItemRow { row, item in rows[row] = item.ref }
        #expect(rows.count == 3)
        var outlines: [ReviewOutline] = []
        try store.forEachReviewOutline { outlines.append($0) }
        var full: [LoggedReview] = []
        try store.forEachReview(kinds: [.study, .practice, .manual]) { full.append($0) }
        #expect(outlines.count == 5)
        #expect(outlines.map { rows[$0.itemRow]?.key } == ["a", "b", "c", "a", "c"])
        #expect(outlines.count == full.count)
        for (outline, review) in zip(outlines, full) {
            #expect(rows[outline.itemRow] == review.item)
            #expect(outline.time == review.time)
            #expect(outline.kind == review.kind)
            #expect(outline.rating == review.rating)
            #expect(outline.durationMilliseconds == review.durationMilliseconds)
            #expect(outline.beforePhase == review.before.phase)
            #expect(outline.beforeDue == review.before.due)
            #expect(outline.beforeLastReview == review.before.lastReview)
            #expect(outline.afterPhase == review.after?.phase)
            #expect(outline.afterDue == review.after?.due)
            #expect(outline.afterDifficulty == review.after?.difficulty)
        }
        #expect(outlines[1].afterPhase == nil)  // practice
        #expect(outlines[2].rating == nil)  // manual
    }

    @Test("only the decks asked for, oldest first, whether they are most of the store or a small part")
    func someDecks() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.store(directory)
        // Ten items without answers: "plot" (2 of 13 items) is a small part, "plot" with
        // "extra" (12 of 13) most of the store.
        try register(store, deckID: "extra", keys: (0..<10).map { "x\($0)" })
        var rows: [Int64: ItemRef] = [:]
        try store.forEachItemRow { row, item in rows[row] = item.ref }
        func keys(_ deckIDs: [String]?) throws -> [String] {
            var keys: [String] = []
            try store.forEachReviewOutline(deckIDs: deckIDs) { keys.append(rows[$0.itemRow]?.key ?? "?") }
            return keys
        }
        #expect(try keys(nil) == ["a", "b", "c", "a", "c"])
        #expect(try keys(["plot"]) == ["a", "b", "a"])
        #expect(try keys(["cast"]) == ["c", "c"])
        #expect(try keys(["plot", "extra"]) == ["a", "b", "a"])
        #expect(try keys(["cast", "extra"]) == ["c", "c"])
        #expect(try keys(["plot", "cast", "extra"]) == ["a", "b", "c", "a", "c"])
        #expect(try keys([]) == [])
        #expect(try keys(["nothing"]) == [])
    }

    @Test(
        "a value out of range is a damaged store, not a trap",
        arguments: [
            ("after_phase = 'graduated'", "unknown card phase \"graduated\""),
            ("before_phase = 'lrn'", "unknown card phase \"lrn\""),
            ("reviewed_at = 999999999999999999", "reviewed_at 999999999999999999 is not a time"),
            ("before_due = 'soon'", "before_due is not an integer"),
            ("duration_ms = -5", "duration_ms -5 is out of range"),
            ("after_difficulty = -1.5", "after_difficulty -1.5 is out of range"),
            ("after_due = NULL", "a card state without after_due"),
            ("before_last_review = -99999999999999999", "before_last_review -99999999999999999 is not a time"),
        ])
    func damagedValues(change: String, detail: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.store(directory)
        // Edited by hand: the log is append-only, so around its trigger.
        try store.database.write { db in
            try db.execute(sql: "DROP TRIGGER review_append_only; DROP TRIGGER review_states_sync_only")
            try db.execute(sql: "UPDATE review SET \(change) WHERE rating = 3")
        }
        do {
            try store.forEachReviewOutline { _ in }
            Issue.record("\(change) was read")
        } catch let error as ProgressError {
            guard case .invalidValue(_, let found) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(found == detail)
        }
    }
}
