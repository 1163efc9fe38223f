import Foundation
import Testing

@testable import Scheduling

struct SM2Tests {
    let sm2 = try! SM2()

    @Test func newCardGoesThroughTheLearningStepsAndGraduatesWithOneDay() {
        let states = reviewOnTime(sm2, ratings: [.good, .good])
        #expect(states.map(\.phase) == [.learning, .review])
        #expect(states.map(\.step) == [1, nil])
        #expect(states.map(wait) == [10 * minute, day])
        #expect(states.map(\.stability) == [0, 1])
        #expect(states.map(\.difficulty) == [2.5, 2.5])
    }

    @Test func easyOnANewCardGraduatesWithFourDays() {
        let state = sm2.review(.new(due: referenceStart), rating: .easy, at: referenceStart)
        #expect(state.phase == .review)
        #expect(wait(state) == 4 * day)
        #expect(state.stability == 4)
    }

    @Test func onTimeReviewIntervalsFollowAnki() {
        let state = CardState(
            phase: .review, stability: 10, difficulty: 2.5, due: referenceStart + 10 * day,
            lastReview: referenceStart, reps: 3)
        let now = state.due
        let outcomes = sm2.preview(state, at: now)
        #expect(outcomes[.hard]?.stability == 12)  // 10 × 1.2
        #expect(outcomes[.good]?.stability == 25)  // 10 × 2.5
        #expect(outcomes[.easy]?.stability == 33)  // 10 × 2.5 × 1.3 = 32.5, rounded half up
        #expect(outcomes[.hard]?.difficulty == 2.35)
        #expect(outcomes[.good]?.difficulty == 2.5)
        #expect(outcomes[.easy]?.difficulty == 2.65)
        #expect(outcomes[.good]?.due == now + 25 * day)
    }

    @Test func lateReviewCountsTheDaysLate() {
        let state = CardState(
            phase: .review, stability: 10, difficulty: 2.0, due: referenceStart + 10 * day,
            lastReview: referenceStart)
        let outcomes = sm2.preview(state, at: referenceStart + 14 * day)
        #expect(outcomes[.hard]?.stability == 12)  // (10) × 1.2
        #expect(outcomes[.good]?.stability == 24)  // (10 + 4 / 2) × 2.0
        #expect(outcomes[.easy]?.stability == 36)  // (10 + 4) × 2.0 × 1.3 = 36.4
    }

    @Test func earlyReviewUsesTheElapsedDays() {
        let state = CardState(
            phase: .review, stability: 10, difficulty: 2.5, due: referenceStart + 10 * day,
            lastReview: referenceStart)
        let outcomes = sm2.preview(state, at: referenceStart + 6 * day)
        #expect(outcomes[.hard]?.stability == 7)  // max(6 × 1.2, 10 × 0.6) = 7.2
        #expect(outcomes[.good]?.stability == 15)  // max(6 × 2.5, 10)
        #expect(outcomes[.easy]?.stability == 17)  // 15 × 1.15 = 17.25
    }

    @Test func hardIsAtLeastOneDayMoreThanTheScheduledInterval() {
        let state = CardState(
            phase: .review, stability: 1, difficulty: 1.3, due: referenceStart + day,
            lastReview: referenceStart)
        let outcomes = sm2.preview(state, at: state.due)
        #expect(outcomes[.hard]?.stability == 2)
        #expect(outcomes[.good]?.stability == 3)
        #expect(outcomes[.easy]?.stability == 4)
        #expect(outcomes[.hard]?.difficulty == 1.3)
    }

    @Test func lapseLowersEaseRelearnsAndComesBackAfterOneDay() {
        let state = CardState(
            phase: .review, stability: 30, difficulty: 2.5, due: referenceStart + 30 * day,
            lastReview: referenceStart)
        let lapsed = sm2.review(state, rating: .again, at: state.due)
        #expect(lapsed.phase == .relearning)
        #expect(lapsed.step == 0)
        #expect(lapsed.difficulty == 2.3)
        #expect(lapsed.stability == 1)
        #expect(lapsed.lapses == 1)
        #expect(wait(lapsed) == 10 * minute)
        let relearnt = sm2.review(lapsed, rating: .good, at: lapsed.due)
        #expect(relearnt.phase == .review)
        #expect(wait(relearnt) == day)
        #expect(sm2.review(lapsed, rating: .easy, at: lapsed.due).stability == 2)
        #expect(sm2.review(lapsed, rating: .hard, at: lapsed.due).due == lapsed.due + 15 * minute)
    }

    @Test func easeNeverFallsBelowTheMinimum() {
        var state = CardState.new(due: referenceStart)
        for rating in [Rating.good, .good] + Array(repeating: .hard, count: 12) {
            state = sm2.review(state, rating: rating, at: state.due)
        }
        #expect(state.difficulty == SM2.minimumEase)
    }

    @Test func retrievabilityIsNinetyPercentOnTheDueDate() throws {
        let state = CardState(
            phase: .review, stability: 10, difficulty: 2.5, due: referenceStart + 10 * day,
            lastReview: referenceStart)
        #expect(close(sm2.retrievability(of: state, at: state.due), 0.9, tolerance: 1e-12))
        #expect(sm2.retrievability(of: state, at: referenceStart) == 1)
        #expect(sm2.retrievability(of: .new(due: referenceStart), at: referenceStart) == nil)
    }
}
