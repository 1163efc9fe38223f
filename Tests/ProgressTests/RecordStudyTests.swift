import Foundation
import Scheduling
import Testing

@testable import Progress

/// `recordStudy`: an answer is applied to the item's state as it is in the store when it is
/// saved (issue 16 F5), and buries the card's siblings with it.
@Suite struct RecordStudyTests {
    @Test func anAnswerToAStateChangedElsewhereIsRescheduledFromTheCurrentOne() throws {
        let directory = try TemporaryDirectory()
        let first = try openStore(directory)
        let second = try openStore(directory)
        try register(first, deckID: "plot", keys: ["a"])
        let ref = ItemRef(deckID: "plot", key: "a")
        let shown = try #require(try second.item(ref)).state  // the second session shows the card
        let scheduler = try FSRS()
        // Meanwhile the first session answers it.
        let firstAfter = scheduler.review(shown, rating: .good, at: t0)
        let saved = try first.recordStudy(
            .study(ref, rating: .good, at: t0, before: shown, after: firstAfter), reschedule: { _ in firstAfter })
        #expect(!saved.rescheduled)
        // The second answer, given to the stale state, is applied to the first one's result.
        let later = at(hours: 0.2)
        let stale = scheduler.review(shown, rating: .again, at: later)
        let answer = try second.recordStudy(
            .study(ref, rating: .again, at: later, before: shown, after: stale),
            reschedule: { scheduler.review($0, rating: .again, at: later) })
        #expect(answer.rescheduled)
        #expect(answer.before.reps == 1)  // the first answer's result
        let state = try #require(try first.item(ref)).state
        #expect(state.reps == 2)
        #expect(state == answer.after)
        // Undo restores the state the answer was applied to: the first session's.
        let undone = try second.undoLast()
        #expect(undone.restored.reps == 1)
        #expect(try first.item(ref)?.state.reps == 1)
    }

    @Test func siblingsAreBuriedWithTheAnswerAndUnburiedByItsUndo() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["b", "b#reverse", "z#c1", "z#c2"])
        let ref = ItemRef(deckID: "plot", key: "b")
        let siblings = [ItemRef(deckID: "plot", key: "b#reverse")]
        let before = try #require(try store.item(ref)).state
        let after = try FSRS().review(before, rating: .good, at: t0)
        let tomorrow = at(hours: 18)
        let session = try store.startSession(.study, deckIDs: ["plot"], at: t0)
        _ = try store.recordStudy(
            .study(ref, rating: .good, at: t0, before: before, after: after, sessionID: session),
            reschedule: { _ in after },
            buryingSiblings: siblings, until: tomorrow)
        #expect(try store.item(siblings[0])?.buriedUntil == tomorrow)
        #expect(try store.item(ItemRef(deckID: "plot", key: "z#c1"))?.buriedUntil == nil)
        let queue = try store.queue(deckIDs: ["plot"], now: at(hours: 1))
        #expect(queue.new.map(\.ref.key) == ["z#c1", "z#c2"])
        #expect(
            try store.queue(deckIDs: ["plot"], now: at(hours: 19)).new.map(\.ref.key) == ["b#reverse", "z#c1", "z#c2"])
        try store.undoLast(sessionID: session, unburying: siblings)
        #expect(try store.item(siblings[0])?.buriedUntil == nil)
        #expect(try store.item(ref)?.state == before)
    }
}
