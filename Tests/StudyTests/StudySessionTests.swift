import Decks
import Foundation
import Scheduling
import Testing

@testable import Study

@Suite struct StudySessionOrderTests {
    @Test func learningFirstThenReviewsWithNewInterleavedThenLearningAheadAtTheEnd() {
        let cards =
            [basicCard("L1", phase: .learning, due: t0 - 60), basicCard("L2", phase: .learning, due: t0 - 120)]
            + (1...6).map { basicCard("R\($0)", phase: .review, due: t0 - 86_400) }
            + [basicCard("N1", phase: .new), basicCard("N2", phase: .new)]
        var session = StudySession(cards: cards, scheduler: FakeScheduler(), startedAt: t0)
        #expect(session.remaining(at: t0) == QueueCounts(new: 2, learning: 2, review: 6))
        // New cards rated good go to their 10-minute step: shown early, once nothing else is left.
        #expect(session.drain() == ["L2", "L1", "R1", "R2", "N1", "R3", "R4", "N2", "R5", "R6", "N1", "N2"])
        #expect(session.remaining(at: t0 + 20) == QueueCounts())
        #expect(session.next(at: t0 + 20) == nil)
    }

    @Test func moreNewThanReviewsAlternatesThenFinishesTheNew() {
        let cards =
            (1...2).map { basicCard("R\($0)", phase: .review) } + (1...4).map { basicCard("N\($0)", phase: .new) }
        var session = StudySession(cards: cards, scheduler: FakeScheduler(), startedAt: t0)
        #expect(Array(session.drain(rating: .easy)) == ["R1", "N1", "R2", "N2", "N3", "N4"])
    }

    @Test func aLearningCardComesBackAsSoonAsItsStepIsDue() {
        let cards = [basicCard("N", phase: .new)] + (1...8).map { basicCard("R\($0)", phase: .review) }
        var session = StudySession(cards: cards, scheduler: FakeScheduler(), startedAt: t0)
        // One new card among eight reviews comes after four of them.
        var order: [String] = []
        for _ in 1...5 {
            order.append(session.next(at: t0)?.item.cardID ?? "-")
            _ = session.rate(order.last == "N" ? .again : .good, at: t0)  // N: back in 1 minute
        }
        #expect(order == ["R1", "R2", "R3", "R4", "N"])
        #expect(session.remaining(at: t0) == QueueCounts(new: 0, learning: 1, review: 4))
        order = []
        for now in stride(from: t0 + 20, through: t0 + 100, by: 20) {
            guard let question = session.next(at: now) else { break }
            order.append(question.item.cardID)
            _ = session.rate(.easy, at: now)
        }
        // Due at t0 + 60: it jumps ahead of R7.
        #expect(order == ["R5", "R6", "N", "R7", "R8"])
    }

    @Test func learningDueBeyondTheLearnAheadLimitEndsTheSessionAndIsReported() {
        var session = StudySession(
            cards: [basicCard("N", phase: .new)], scheduler: FakeScheduler(),
            options: StudySessionOptions(learnAheadLimit: 300), startedAt: t0
        )
        #expect(session.next(at: t0)?.item.cardID == "N")
        let review = session.rate(.good, at: t0 + 5)  // next step in 10 minutes
        #expect(review?.after.due == t0 + 605)
        #expect(session.remaining(at: t0 + 5) == QueueCounts())
        #expect(session.next(at: t0 + 5) == nil)
        let summary = session.summary(at: t0 + 10)
        #expect(
            summary.pendingLearning == [
                .init(item: StudyItem(deckID: "plot", cardID: "N", variant: .forward), due: t0 + 605)
            ])
        // Once it is within the limit, it is asked again.
        #expect(session.remaining(at: t0 + 400) == QueueCounts(learning: 1))
        #expect(session.next(at: t0 + 400)?.item.cardID == "N")
    }

    @Test func duplicatesAndUnaskableItemsAreLeftOut() {
        var bad = basicCard("bad", phase: .new)
        bad.item.variant = .cloze(1)
        let cards = [basicCard("A", phase: .review), basicCard("A", phase: .review), bad]
        var session = StudySession(cards: cards, scheduler: FakeScheduler(), startedAt: t0)
        #expect(session.leftOut.map(\.cardID) == ["A", "bad"])
        #expect(session.drain() == ["A"])
    }
}

@Suite struct StudySessionActionTests {
    func threeReviews() -> StudySession {
        StudySession(
            cards: ["A", "B", "C"].map { basicCard($0, phase: .review) }, scheduler: FakeScheduler(), startedAt: t0)
    }

    @Test func skipComesBackAfterTheRest() {
        var session = threeReviews()
        #expect(session.next(at: t0)?.item.cardID == "A")
        let skipped1 = session.skip()
        #expect(skipped1)
        #expect(session.remaining(at: t0) == QueueCounts(review: 3))
        #expect(session.drain() == ["B", "C", "A"])
        let skipped2 = session.skip()
        #expect(!skipped2)
    }

    @Test func skippingTheOnlyCardAsksItAgain() {
        var session = StudySession(cards: [basicCard("A", phase: .review)], scheduler: FakeScheduler(), startedAt: t0)
        _ = session.next(at: t0)
        session.skip()
        #expect(session.next(at: t0)?.item.cardID == "A")
    }

    @Test func buryAndSuspendRemoveTheItemAndReturnTheChange() {
        var session = threeReviews()
        let tomorrow = t0 + 86_400
        _ = session.next(at: t0)
        #expect(
            session.bury(until: tomorrow)
                == .buried(StudyItem(deckID: "plot", cardID: "A", variant: .forward), until: tomorrow))
        #expect(session.next(at: t0)?.item.cardID == "B")
        #expect(session.suspend() == .suspended(StudyItem(deckID: "plot", cardID: "B", variant: .forward)))
        #expect(session.remaining(at: t0) == QueueCounts(review: 1))
        #expect(session.drain() == ["C"])
        #expect(session.bury(until: tomorrow) == nil)
        #expect(session.suspend() == nil)
        let summary = session.summary(at: t0 + 30)
        #expect(summary.buried == 1)
        #expect(summary.suspended == 1)
        #expect(summary.studied == 1)
    }

    @Test func undoIsRepeatableAndRestoresExactly() throws {
        var session = threeReviews()
        let start = session.summary(at: t0)
        _ = session.next(at: t0)
        let firstReview = session.rate(.good, at: t0 + 1)
        let first = try #require(firstReview)
        _ = session.next(at: t0 + 1)
        let secondReview = session.rate(.again, at: t0 + 2)
        let second = try #require(secondReview)
        #expect(second.after.phase == .relearning)
        _ = session.next(at: t0 + 2)
        #expect(session.current?.item.cardID == "C")
        let buried = session.bury(until: t0 + 86_400)

        #expect(session.undo(at: t0 + 3) == buried)
        #expect(session.current?.item.cardID == "C")
        #expect(session.undo(at: t0 + 4) == .reviewed(second))
        #expect(session.current?.item.cardID == "B")
        #expect(session.currentState == second.before)
        // C went back to its place; B's relearning step is gone.
        #expect(session.remaining(at: t0 + 4) == QueueCounts(review: 2))
        #expect(session.undo(at: t0 + 5) == .reviewed(first))
        #expect(session.current?.item.cardID == "A")
        #expect(session.currentState == first.before)
        #expect(session.summary(at: t0) == start)
        #expect(!session.canUndo)
        #expect(session.undo(at: t0 + 6) == nil)

        // Answering again from here gives the same reviews, timed from the undo.
        let againReview = session.rate(.good, at: t0 + 6)
        let again = try #require(againReview)
        #expect(again.before == first.before)
        #expect(again.after.due == t0 + 6 + 4 * 86_400)
        #expect(again.duration == 1)
        #expect(session.drain(from: t0 + 7) == ["B", "C"])
    }

    @Test func undoPutsTheQuestionBackUnanswered() throws {
        let card = StudyCard(
            item: StudyItem(deckID: "plot", cardID: "school", variant: .forward),
            card: Card(id: "school", content: .typed(prompt: "Where?", answers: ["Hailsham"])), deckTitle: "Plot",
            state: .new(due: t0)
        )
        var session = StudySession(cards: [card], scheduler: FakeScheduler(), startedAt: t0)
        _ = session.next(at: t0)
        #expect(session.submit("Hailsham", at: t0 + 3) == .answered(.correct))
        let reviewReview = session.rate(.good, at: t0 + 4)
        let review = try #require(reviewReview)
        #expect(review.answer == "Hailsham")
        #expect(review.verdict == .correct)
        #expect(review.duration == 3)
        _ = session.undo(at: t0 + 10)
        #expect(session.currentGrade == nil)
        #expect(session.submit("Norfolk", at: t0 + 12) == .answered(.incorrect(closest: nil, differences: [])))
        let redoReview = session.rate(.again, at: t0 + 13)
        let redo = try #require(redoReview)
        #expect(redo.duration == 2)
        #expect(redo.answer == "Norfolk")
    }
}

@Suite struct StudySessionAnsweringTests {
    func choiceCard() -> StudyCard {
        StudyCard(
            item: StudyItem(deckID: "plot", cardID: "where", variant: .forward),
            card: Card(
                id: "where",
                content: .choice(prompt: "Where?", choices: ["Sussex", "Norfolk", "Wales"], answer: "Norfolk")),
            deckTitle: "Plot", state: .new(due: t0)
        )
    }

    @Test func invalidAnswersRepromptAndGradesStick() throws {
        var session = StudySession(cards: [choiceCard()], scheduler: FakeScheduler(), startedAt: t0)
        #expect(session.submit("a", at: t0) == .invalid(message: "There is no question to answer."))
        let asked = session.next(at: t0)
        let question = try #require(asked)
        #expect(
            session.submit("z", at: t0 + 1)
                == .invalid(message: "There is no choice z. Type a letter from a to c, or the text of a choice."))
        #expect(session.currentGrade == nil)
        #expect(session.submit("norfolk", at: t0 + 2) == .answered(.correct))
        #expect(session.submit("sussex", at: t0 + 3) == .answered(.correct))
        #expect(session.next(at: t0 + 4) == question)
        #expect(session.currentGrade?.proposedRating == .good)
        let reviewReview = session.rate(.good, at: t0 + 5)
        let review = try #require(reviewReview)
        #expect(review.duration == 2)
        #expect(review.answer == "norfolk")
    }

    @Test func durationIsCappedAndMeasuredToTheRatingForBasicCards() throws {
        var session = StudySession(
            cards: [basicCard("A", phase: .review), basicCard("B", phase: .review)], scheduler: FakeScheduler(),
            startedAt: t0
        )
        _ = session.next(at: t0)
        #expect(session.submit("", at: t0 + 4) == .revealed)
        let review3 = session.rate(.hard, at: t0 + 9)
        #expect(review3?.duration == 4)
        _ = session.next(at: t0 + 9)
        let review4 = session.rate(.good, at: t0 + 500)
        #expect(review4?.duration == 60)
        let summary = session.summary(at: t0 + 600)
        #expect(summary.answeringTime == 64)
        #expect(summary.elapsed == 600)
    }

    @Test func choiceOptionsAreReshuffledWhenAskedAgain() throws {
        var session = StudySession(cards: [choiceCard()], scheduler: FakeScheduler(), startedAt: t0)
        var orders: Set<[String]> = []
        var now = t0
        for _ in 0..<12 {
            let asked = session.next(at: now)
            let question = try #require(asked)
            if case .choice(let options, _) = question.kind { orders.insert(options.map(\.text)) }
            _ = session.rate(.again, at: now)  // back in 1 minute
            now += 61
        }
        #expect(orders.count > 1)
    }

    @Test func eachDeckUsesItsOwnScheduler() throws {
        let cards = [basicCard("A", deck: "plot", phase: .review), basicCard("B", deck: "themes", phase: .review)]
        var session = StudySession(
            cards: cards, scheduler: FakeScheduler(), deckSchedulers: ["themes": FakeScheduler(extraDays: 10)],
            startedAt: t0
        )
        _ = session.next(at: t0)
        #expect(session.previewIntervals(at: t0)[.good]?.due == t0 + 4 * 86_400)
        let review5 = session.rate(.good, at: t0)
        #expect(review5?.after.due == t0 + 4 * 86_400)
        _ = session.next(at: t0)
        #expect(
            session.previewIntervals(at: t0).mapValues(\.due) == [
                .again: t0 + 60, .hard: t0 + 12 * 86_400, .good: t0 + 14 * 86_400, .easy: t0 + 19 * 86_400,
            ])
        let review6 = session.rate(.good, at: t0)
        #expect(review6?.after.due == t0 + 14 * 86_400)
    }

    @Test func intervalLabelsComeFromTheRealScheduler() throws {
        let fsrs = try SchedulerConfiguration(fuzz: false).makeScheduler()
        var session = StudySession(cards: [basicCard("N", phase: .new)], scheduler: fsrs, startedAt: t0)
        #expect(session.intervalLabels(at: t0).isEmpty)
        _ = session.next(at: t0)
        #expect(session.intervalLabels(at: t0) == [.again: "1m", .hard: "5.5m", .good: "10m", .easy: "8d"])
    }

    @Test func summaryCountsRightWrongAndRatings() throws {
        let cards = ["A", "B", "C"].map { basicCard($0, phase: .review) } + [basicCard("N", phase: .new)]
        var session = StudySession(cards: cards, scheduler: FakeScheduler(), startedAt: t0)
        for rating in [Rating.again, .hard, .easy] {
            _ = session.next(at: t0)
            _ = session.rate(rating, at: t0 + 10)
        }
        let summary = session.summary(at: t0 + 120)
        #expect(summary.studied == 3)
        #expect(summary.newStudied == 1)
        #expect(summary.right == 2)
        #expect(summary.wrong == 1)
        #expect(summary.ratings == [.again: 1, .hard: 1, .good: 0, .easy: 1])
        // A, B, then the new card (rated easy); the lapsed A waits for its relearning step; C was not reached.
        #expect(summary.pendingLearning.map(\.item.cardID) == ["A"])
        #expect(summary.pendingLearning.first?.due == t0 + 70)
        #expect(summary.notReached == QueueCounts(review: 1))
        #expect(summary.elapsed == 120)
    }
}

@Suite struct StudySessionUndoTests {
    @Test func undoingASuspendBringsTheItemBackAsTheQuestion() {
        var session = StudySession(
            cards: ["A", "B"].map { basicCard($0, phase: .review) }, scheduler: FakeScheduler(), startedAt: t0)
        _ = session.next(at: t0)
        let suspended = session.suspend()
        #expect(session.next(at: t0)?.item.cardID == "B")
        #expect(session.undo(at: t0 + 1) == suspended)
        #expect(session.current?.item.cardID == "A")
        #expect(session.remaining(at: t0 + 1) == QueueCounts(review: 2))
        #expect(session.summary(at: t0 + 1).suspended == 0)
        #expect(session.drain(from: t0 + 2) == ["A", "B"])
    }

    @Test func undoAtTheRatingPromptPutsTheAnsweredQuestionBackInItsPlace() {
        var session = StudySession(
            cards: ["A", "B", "C"].map { basicCard($0, phase: .review) }, scheduler: FakeScheduler(), startedAt: t0)
        _ = session.next(at: t0)
        let first = session.rate(.good, at: t0)
        _ = session.next(at: t0)
        #expect(session.submit("", at: t0 + 1) == .revealed)
        // B is revealed but not rated when the user undoes A.
        #expect(session.undo(at: t0 + 2) == first.map { .reviewed($0) })
        #expect(session.current?.item.cardID == "A")
        #expect(session.drain(from: t0 + 3) == ["A", "B", "C"])
    }

    @Test func aSkipAfterTheLastAnswerIsForgottenByUndo() {
        var session = StudySession(
            cards: ["A", "B", "C"].map { basicCard($0, phase: .review) }, scheduler: FakeScheduler(), startedAt: t0)
        _ = session.next(at: t0)
        _ = session.rate(.good, at: t0)
        _ = session.next(at: t0)
        session.skip()  // B to the back
        _ = session.undo(at: t0 + 1)
        #expect(session.drain(from: t0 + 2) == ["A", "B", "C"])
    }

    @Test func undoingALapseTakesTheRelearningStepOutOfTheSession() {
        var session = StudySession(cards: [basicCard("A", phase: .review)], scheduler: FakeScheduler(), startedAt: t0)
        _ = session.next(at: t0)
        let lapse = session.rate(.again, at: t0)
        #expect(lapse?.after.phase == .relearning)
        #expect(session.remaining(at: t0) == QueueCounts(learning: 1))
        _ = session.undo(at: t0 + 1)
        #expect(session.remaining(at: t0 + 1) == QueueCounts(review: 1))
        _ = session.rate(.easy, at: t0 + 2)
        #expect(session.next(at: t0 + 100) == nil)
        #expect(session.summary(at: t0 + 100).ratings == [.again: 0, .hard: 0, .good: 0, .easy: 1])
    }
}
