import Foundation
import Testing

@testable import Scheduling

/// The vectors of FSRS6.md (py-fsrs 6.3.2, defaults, fuzz off, each review at its due time).
struct FSRSReferenceVectorTests {
    let fsrs = try! FSRS()

    struct Step {
        let stability: Double
        let difficulty: Double
        let wait: TimeInterval
        let phase: CardPhase

        init(_ stability: Double, _ difficulty: Double, _ wait: TimeInterval, _ phase: CardPhase = .review) {
            self.stability = stability
            self.difficulty = difficulty
            self.wait = wait
            self.phase = phase
        }
    }

    /// The sheet prints 6 decimals: `value` must round to `printed`.
    func roundsTo(_ value: Double?, _ printed: Double) -> Bool {
        guard let value else { return false }
        return abs(value - printed) <= 5.0001e-7
    }

    func check(_ ratings: [Rating], _ expected: [Step]) {
        let states = reviewOnTime(fsrs, ratings: ratings)
        #expect(states.count == expected.count)
        for (index, (state, step)) in zip(states, expected).enumerated() {
            #expect(
                roundsTo(state.stability, step.stability), "review \(index + 1): stability \(state.stability ?? .nan)")
            #expect(
                roundsTo(state.difficulty, step.difficulty),
                "review \(index + 1): difficulty \(state.difficulty ?? .nan)")
            #expect(wait(state) == step.wait, "review \(index + 1): wait \(wait(state))")
            #expect(state.phase == step.phase, "review \(index + 1): phase \(state.phase)")
        }
    }

    @Test func goodEightTimes() {
        check(
            Array(repeating: .good, count: 8),
            [
                Step(2.306500, 2.118104, 10 * minute, .learning), Step(2.306500, 2.111214, 2 * day),
                Step(10.971048, 2.104331, 11 * day), Step(46.316858, 2.097455, 46 * day),
                Step(162.999816, 2.090586, 163 * day), Step(497.876555, 2.083724, 498 * day),
                Step(1347.918623, 2.076869, 1348 * day), Step(3298.645610, 2.070020, 3299 * day),
            ])
    }

    @Test func againGoodGoodGoodAgainGoodGoodGood() {
        check(
            [.again, .good, .good, .good, .again, .good, .good, .good],
            [
                Step(0.212000, 6.413300, minute, .learning), Step(0.246689, 6.402115, 10 * minute, .learning),
                Step(0.284206, 6.390941, day), Step(2.152078, 6.379779, 2 * day),
                Step(0.545574, 8.795286, 10 * minute, .relearning), Step(0.596562, 8.781719, day),
                Step(1.695456, 8.768166, 2 * day), Step(3.791664, 8.754626, 4 * day),
            ])
    }

    @Test func easyHardGoodEasy() {
        check(
            [.easy, .hard, .good, .easy],
            [
                Step(8.295600, 1.000000, 8 * day), Step(26.704183, 4.010609, 27 * day),
                Step(85.340203, 4.001827, 85 * day), Step(371.811483, 1.982745, 372 * day),
            ])
    }

    @Test func hardHardGoodGoodHardAgainGoodGood() {
        check(
            [.hard, .hard, .good, .good, .hard, .again, .good, .good],
            [
                Step(1.293100, 5.112171, 330, .learning), Step(1.293100, 6.740460, 330, .learning),
                Step(1.335900, 6.728947, 10 * minute, .learning), Step(1.377162, 6.717447, day),
                Step(2.806617, 7.806117, 3 * day), Step(0.654308, 9.264114, 10 * minute, .relearning),
                Step(0.706954, 9.250078, day), Step(1.602608, 9.236056, 2 * day),
            ])
    }

    @Test(arguments: [
        (10.0, Rating.again, 1.3920, 8.3418, 10 * minute), (10.0, .hard, 23.2469, 6.6660, 23 * day),
        (10.0, .good, 32.0267, 4.9902, 32 * day), (10.0, .easy, 51.2539, 3.3145, 51 * day),
        (0.0, .again, 3.0512, 8.3418, 10 * minute), (0.0, .hard, 10.0000, 6.6660, 10 * day),
        (0.0, .good, 10.0000, 4.9902, 10 * day), (0.0, .easy, 15.5343, 3.3145, 16 * day),
    ])
    func reviewCardWithStabilityTenDifficultyFive(
        elapsed: Double, rating: Rating, stability: Double, difficulty: Double, wait expectedWait: TimeInterval
    ) {
        let last = referenceStart
        let state = CardState(phase: .review, stability: 10, difficulty: 5, due: last + 10 * day, lastReview: last)
        let now = last + elapsed * day
        if elapsed == 10 { #expect(close(fsrs.retrievability(of: state, at: now), 0.9)) }
        let next = fsrs.review(state, rating: rating, at: now)
        #expect(abs((next.stability ?? 0) - stability) <= 5.0001e-5)
        #expect(abs((next.difficulty ?? 0) - difficulty) <= 5.0001e-5)
        #expect(next.due.timeIntervalSince(now) == expectedWait)
    }

    @Test(arguments: [(0.8, 1.0, 3), (0.8, 10, 33), (0.8, 100, 332), (0.95, 10, 4), (0.95, 100, 40)])
    func intervalForDesiredRetention(retention: Double, stability: Double, days: Int) throws {
        #expect(try FSRS(desiredRetention: retention).interval(forStability: stability) == days)
    }

    @Test func defaultFactorMakesRecallNinetyPercentAfterStabilityDays() {
        #expect(close(FSRSParameters.default.factor, 0.9803464944, tolerance: 1e-9))
    }
}
