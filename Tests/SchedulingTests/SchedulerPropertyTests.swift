import Foundation
import Testing

@testable import Scheduling

/// Properties that must hold for any state and time, checked on many seeded random cases.
struct SchedulerPropertyTests {
    /// Random card states and moments, some reached by real reviews, some made up outright.
    struct Cases {
        var generator: SplitMix64

        init(seed: UInt64) {
            generator = SplitMix64(seed: seed)
        }

        mutating func unit() -> Double {
            Double(generator.next() >> 11) * 0x1.0p-53
        }

        mutating func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + unit() * (range.upperBound - range.lowerBound)
        }

        mutating func rating() -> Rating {
            Rating(rawValue: Int(generator.next() % 4) + 1) ?? .good
        }

        /// A moment some way after (rarely before) `date`: seconds, hours, days or years.
        mutating func moment(after date: Date) -> Date {
            let spans: [ClosedRange<Double>] = [
                -86_400...0, 0...600, 0...86_400, 0...(30 * 86_400), 0...(3_000 * 86_400),
            ]
            let span = spans[Int(generator.next() % UInt64(spans.count))]
            return date.addingTimeInterval(uniform(span).rounded())
        }

        /// A state reached by a few random reviews under `scheduler`.
        mutating func reachedState(_ scheduler: some Scheduler) -> CardState {
            var state = CardState.new(due: referenceStart)
            var now = referenceStart
            for _ in 0..<Int(generator.next() % 12) {
                state = scheduler.review(state, rating: rating(), at: now)
                now = moment(after: unit() < 0.5 ? state.due : now)
            }
            return state
        }

        /// A made-up review-phase FSRS state anywhere in the valid ranges.
        mutating func madeUpState() -> CardState {
            let last = referenceStart.addingTimeInterval(uniform(0...(3_000 * 86_400)).rounded())
            let phases: [CardPhase] = [.learning, .review, .relearning]
            let phase = phases[Int(generator.next() % 3)]
            return CardState(
                phase: phase, step: phase == .review ? nil : Int(generator.next() % 2),
                stability: exp(uniform(log(0.001)...log(100_000))), difficulty: uniform(1...10),
                due: last.addingTimeInterval(uniform(60...(400 * 86_400))), lastReview: last, reps: 5
            )
        }

        /// A random FSRS parameter vector inside the bounds (sometimes right on them).
        mutating func parameters() throws -> FSRSParameters {
            var weights: [Double] = []
            for (low, high) in zip(FSRSParameters.lowerBounds, FSRSParameters.upperBounds) {
                let pick = unit()
                weights.append(pick < 0.1 ? low : pick > 0.9 ? high : uniform(low...high))
            }
            return try FSRSParameters(weights)
        }
    }

    static func schedulers(_ cases: inout Cases) throws -> [any Scheduler] {
        var schedulers: [any Scheduler] = [
            try FSRS(), try FSRS(fuzz: .seeded(3)), try FSRS(desiredRetention: 0.7),
            try FSRS(desiredRetention: 0.99),
            try FSRS(learningSteps: [], relearningSteps: []), try FSRS(maximumInterval: 30),
            try SM2(), try SM2(fuzz: .seeded(9)), try SM2(learningSteps: [], relearningSteps: []),
        ]
        for _ in 0..<6 {
            schedulers.append(
                try FSRS(parameters: cases.parameters(), desiredRetention: cases.uniform(0.7...0.99)))
        }
        return schedulers
    }

    /// Calls `body` with 400 random (state, moment) pairs for each scheduler: states reached
    /// by reviews, and for FSRS also made-up states anywhere in the valid ranges.
    static func forEachCase(seed: UInt64, _ body: (any Scheduler, CardState, Date) throws -> Void)
        throws
    {
        var cases = Cases(seed: seed)
        for scheduler in try schedulers(&cases) {
            for index in 0..<400 {
                let state =
                    index % 2 == 0 || scheduler is SM2 ? cases.reachedState(scheduler) : cases.madeUpState()
                try body(scheduler, state, cases.moment(after: state.lastReview ?? referenceStart))
            }
        }
    }

    @Test func easyIsAtLeastGoodWhichIsAtLeastHard() throws {
        try Self.forEachCase(seed: 1) { scheduler, state, now in
            let outcomes = scheduler.preview(state, at: now)
            let hard = try #require(outcomes[.hard]).due
            let good = try #require(outcomes[.good]).due
            let easy = try #require(outcomes[.easy]).due
            #expect(hard <= good && good <= easy, "\(scheduler) \(state) at \(now)")
        }
    }

    @Test func stabilityAndDifficultyStayInBoundsAndFinite() throws {
        try Self.forEachCase(seed: 2) { scheduler, state, now in
            for next in scheduler.preview(state, at: now).values {
                let stability = try #require(next.stability)
                let difficulty = try #require(next.difficulty)
                #expect(stability.isFinite && difficulty.isFinite)
                #expect(next.due.timeIntervalSinceReferenceDate.isFinite)
                #expect(next.due >= now)
                if scheduler is SM2 {
                    #expect((0...36_500).contains(stability))
                    #expect(difficulty >= SM2.minimumEase)
                } else {
                    #expect(stability >= FSRS.minimumStability)
                    #expect(FSRS.difficultyRange.contains(difficulty))
                    #expect(next.due <= now.addingTimeInterval(36_500 * 86_400))
                }
                let recall = try #require(scheduler.retrievability(of: next, at: next.due))
                #expect(recall.isFinite && (0...1).contains(recall))
            }
        }
    }

    @Test func retrievabilityFallsAsTimePasses() throws {
        var cases = Cases(seed: 3)
        for scheduler in try Self.schedulers(&cases) {
            for _ in 0..<300 {
                let state = cases.reachedState(scheduler)
                guard let last = state.lastReview else {
                    #expect(scheduler.retrievability(of: state, at: referenceStart) == nil)
                    continue
                }
                var previous = 1.0
                for days in [0.0, 0.5, 1, 2, 7, 30, 365, 3_650, 36_500] {
                    let recall = try #require(
                        scheduler.retrievability(of: state, at: last.addingTimeInterval(days * 86_400)))
                    #expect(recall.isFinite && recall > 0 && recall <= previous)
                    previous = recall
                }
                #expect(previous < 1)
            }
        }
    }

    @Test func wrongLengthsAreRejected() {
        for count in 0...30 where ![17, 19, 21].contains(count) {
            #expect(throws: SchedulerConfigurationError.wrongParameterCount(count)) {
                try FSRSParameters(Array(repeating: 1, count: count))
            }
        }
    }

    @Test func nonFiniteAndOutOfRangeWeightsAreRejected() {
        for index in 0..<21 {
            for bad in [Double.nan, .infinity, -.infinity] {
                #expect(throws: SchedulerConfigurationError.nonFiniteParameter(index: index)) {
                    try FSRSParameters(FSRSParameters.defaultWeights.replacing(at: index, with: bad))
                }
            }
            let above = FSRSParameters.upperBounds[index] + 0.01
            #expect(
                throws: SchedulerConfigurationError.parameterOutOfRange(
                    index: index, value: above, lower: FSRSParameters.lowerBounds[index],
                    upper: FSRSParameters.upperBounds[index]
                )
            ) {
                try FSRSParameters(FSRSParameters.defaultWeights.replacing(at: index, with: above))
            }
        }
    }
}
