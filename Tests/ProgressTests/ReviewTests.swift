import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

@Suite struct ReviewTests {
    let plotA = ItemRef(deckID: "plot", key: "a")
    let plotB = ItemRef(deckID: "plot", key: "b")

    @Test func anAnswerSavesTheLogRowAndTheNewStateExactly() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a", "b"])
        let before = try #require(try store.item(plotA)).state
        #expect(before == CardState(phase: .new, due: t0))
        let after = reviewState(due: at(hours: 72))
        let id = try store.record(
            .study(plotA, rating: .easy, at: at(hours: 1), before: before, after: after, durationMilliseconds: 4_250))
        #expect(id == 1)
        #expect(try store.item(plotA)?.state == after)
        #expect(try store.item(plotB)?.state == CardState(phase: .new, due: t0))
        var logged: [LoggedReview] = []
        try store.forEachReview { logged.append($0) }
        #expect(
            logged == [
                LoggedReview(
                    id: 1, item: plotA, cardID: "a", time: at(hours: 1), rating: .easy, kind: .study,
                    durationMilliseconds: 4_250, before: before, after: after)
            ])
    }

    @Test func aPracticeAnswerIsLoggedButLeavesTheSchedule() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a"])
        let state = try #require(try store.item(plotA)).state
        try store.record(.practice(plotA, rating: .again, at: at(hours: 1), state: state))
        #expect(try store.item(plotA)?.state == state)
        #expect(try store.reviewCount() == 1)
        var kinds: [ReviewKind] = []
        try store.forEachReview(kinds: [.practice]) { kinds.append($0.kind) }
        #expect(kinds == [.practice])
        var studyOnly = 0
        try store.forEachReview { _ in studyOnly += 1 }
        #expect(studyOnly == 0)
    }

    @Test func anAnswerToAnUnknownItemIsRefused() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let ref = ItemRef(deckID: "plot", key: "ghost")
        let error = #expect(throws: ProgressError.self) {
            try store.record(.study(ref, rating: .good, at: t0, before: .new(due: t0), after: reviewState(due: t0)))
        }
        #expect(error == .unknownItem(deckID: "plot", key: "ghost"))
        #expect(error?.description == "card \"ghost\" of deck \"plot\" is not in the progress store")
        #expect(try store.reviewCount() == 0)
    }

    @Test func undoRestoresEachPreviousStateExactlyAndRemovesTheRows() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a", "b"])
        let s0 = try #require(try store.item(plotA)).state
        let s1 = CardState(
            phase: .learning, step: 0, stability: 0.212, difficulty: 6.4133, due: at(hours: 0.1),
            lastReview: t0, reps: 1, lapses: 0)
        let s2 = reviewState(due: at(hours: 50), reps: 2)
        try store.record(.study(plotA, rating: .again, at: t0, before: s0, after: s1))
        try store.record(.study(plotA, rating: .good, at: at(hours: 0.2), before: s1, after: s2))
        let b0 = try #require(try store.item(plotB)).state
        try store.record(.practice(plotB, rating: .hard, at: at(hours: 0.3), state: b0))

        let first = try store.undoLast()
        #expect(first.item == plotB)
        #expect(first.kind == .practice)
        #expect(first.rating == .hard)
        #expect(try store.item(plotB)?.state == b0)
        #expect(try store.item(plotA)?.state == s2)

        let second = try store.undoLast()
        #expect(
            second == UndoneReview(id: 2, item: plotA, kind: .study, rating: .good, time: at(hours: 0.2), restored: s1))
        #expect(try store.item(plotA)?.state == s1)

        let third = try store.undoLast()
        #expect(third.restored == s0)
        #expect(try store.item(plotA)?.state == s0)
        #expect(try store.reviewCount() == 0)
        #expect(throws: ProgressError.nothingToUndo) { try store.undoLast() }
    }

    @Test func undoInASessionTakesBackOnlyThatSessionsAnswers() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a", "b"])
        let mine = try store.startSession(.study, deckIDs: ["plot"], at: t0)
        let theirs = try store.startSession(.study, deckIDs: ["plot"], at: t0)
        try answerNew(store, plotA, at: at(hours: 1), sessionID: mine)
        try answerNew(store, plotB, at: at(hours: 2), sessionID: theirs)
        let undone = try store.undoLast(sessionID: mine)
        #expect(undone.item == plotA)
        #expect(try store.item(plotA)?.state.phase == .new)
        #expect(try store.item(plotB)?.state.phase == .learning)
        #expect(throws: ProgressError.nothingToUndo) { try store.undoLast(sessionID: mine) }
    }

    @Test func undoRefusesWhenTheCardWasAnsweredAgainElsewhere() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a"])
        let mine = try store.startSession(.study, deckIDs: ["plot"], at: t0)
        try answerNew(store, plotA, at: at(hours: 1), sessionID: mine)
        let state = try #require(try store.item(plotA)).state
        try store.record(
            .study(plotA, rating: .good, at: at(hours: 2), before: state, after: reviewState(due: at(hours: 30))))
        #expect(throws: ProgressError.undoConflict(deckID: "plot", key: "a")) { try store.undoLast(sessionID: mine) }
        #expect(try store.reviewCount() == 2)
        #expect(try store.item(plotA)?.state == reviewState(due: at(hours: 30)))
    }

    @Test func theReviewLogIsAppendOnly() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a"])
        try answerNew(store, plotA, at: t0)
        let error = #expect(throws: DatabaseError.self) {
            try store.database.write { db in try db.execute(sql: "UPDATE review SET rating = 4") }
        }
        #expect(error?.message == "the review log is append-only")
    }

    @Test func suspendingAndBuryingKeepItemsOutOfTheQueue() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a", "b", "c"])
        try store.suspend(plotA)
        try store.bury(plotB, until: at(hours: 5))
        #expect(try store.item(plotA)?.suspended == true)
        #expect(try store.item(plotB)?.buriedUntil == at(hours: 5))
        #expect(try store.queue(now: at(hours: 1)).new.map(\.ref.key) == ["c"])
        #expect(try store.queue(now: at(hours: 6)).new.map(\.ref.key) == ["b", "c"])
        try store.unsuspend(plotA)
        try store.unbury(plotB)
        #expect(try store.queue(now: at(hours: 1)).new.map(\.ref.key) == ["a", "b", "c"])
        #expect(throws: ProgressError.unknownItem(deckID: "plot", key: "zz")) {
            try store.suspend(ItemRef(deckID: "plot", key: "zz"))
        }
    }

    @Test func aBatchIsSavedWholeOrNotAtAll() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        try register(store, deckID: "plot", keys: ["a", "b"])
        let good = ReviewRecord.study(
            plotA, rating: .good, at: t0, before: .new(due: t0), after: reviewState(due: at(hours: 24)))
        let ghost = ReviewRecord.study(
            ItemRef(deckID: "plot", key: "ghost"), rating: .good, at: t0, before: .new(due: t0),
            after: reviewState(due: t0))
        #expect(throws: ProgressError.unknownItem(deckID: "plot", key: "ghost")) {
            try store.record(batch: [good, ghost])
        }
        #expect(try store.reviewCount() == 0)
        #expect(try store.item(plotA)?.state == .new(due: t0))
        var second = good
        second.item = plotB
        try store.record(batch: [good, second])
        #expect(try store.reviewCount() == 2)
        #expect(try store.item(plotB)?.state == reviewState(due: at(hours: 24)))
    }
}
