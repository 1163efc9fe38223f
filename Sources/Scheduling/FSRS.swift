import Foundation

/// FSRS-6, the scheduler Anki ships, at parity with the reference implementation py-fsrs 6.3.2.
///
/// A card's memory is its stability S (days until recall falls to 90 %) and difficulty D
/// (1 to 10). Every review updates both from the rating and the time since the last review,
/// and cards in the review phase are next due when the predicted recall falls to the desired
/// retention. New cards and lapsed cards first go through the learning and relearning steps.
/// Elapsed time counts in whole days (floor), as in the reference: a review less than a day
/// after the previous one is a same-day review.
public struct FSRS: Scheduler, Hashable {
    /// The 21 weights.
    public let parameters: FSRSParameters
    /// The probability of recall the intervals aim for.
    public let desiredRetention: Double
    /// The learning steps in seconds.
    public let learningSteps: [TimeInterval]
    /// The relearning steps in seconds.
    public let relearningSteps: [TimeInterval]
    /// The longest interval in days.
    public let maximumInterval: Int
    /// Where the interval fuzz comes from (`.off` for reference parity).
    public let fuzz: Fuzz

    /// The exponent of the forgetting curve, −w20.
    private let curveExponent: Double
    /// F = 0.9^(1 / −w20) − 1.
    private let factor: Double
    /// Values that depend on the parameters only, computed once (the same expressions as
    /// the reference, so the results are bit for bit the same).
    private let retentionTerm: Double, easyInitialDifficulty: Double, recallScale: Double, lapseDivisor: Double
    /// Per rating (index rawValue − 1): the unclamped initial difficulty, and e^(w17·(G − 3 + w18)).
    private let initialDifficulties: [Double], shortTermFactors: [Double]

    /// The lowest stability any review can produce.
    public static let minimumStability = 0.001
    /// The range difficulty is clamped to.
    public static let difficultyRange: ClosedRange<Double> = 1...10

    /// Creates an FSRS-6 scheduler; every argument defaults to the reference defaults, fuzz off.
    ///
    /// - Throws: ``SchedulerConfigurationError`` for a desired retention outside 0.7 to 0.99,
    ///   a step that is not a positive finite number of seconds, or a maximum interval below 1.
    public init(
        parameters: FSRSParameters = .default,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500,
        fuzz: Fuzz = .off
    ) throws(SchedulerConfigurationError) {
        try SchedulerConfiguration.validateCommon(
            desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval
        )
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
        curveExponent = -parameters.decay
        factor = pow(0.9, 1 / curveExponent) - 1
        let w = parameters.weights
        retentionTerm = pow(desiredRetention, 1 / curveExponent) - 1
        easyInitialDifficulty = w[4] - pow(Self.e, w[5] * Double(Rating.easy.rawValue - 1)) + 1
        recallScale = pow(Self.e, w[8])
        lapseDivisor = pow(Self.e, w[17] * w[18])
        initialDifficulties = Rating.allCases.map { w[4] - pow(Self.e, w[5] * Double($0.rawValue - 1)) + 1 }
        shortTermFactors = Rating.allCases.map { pow(Self.e, w[17] * (Double($0.rawValue) - 3 + w[18])) }
    }

    /// The state after reviewing `state` with `rating` at `now`.
    ///
    /// A `.new` card (or any card without a memory state yet) gets its first review, like a
    /// fresh py-fsrs card in Learning at step 0. The result has `lastReview == now`, `reps`
    /// one higher, and `lapses` one higher when a review-phase card is rated Again.
    public func review(_ state: CardState, rating: Rating, at now: Date) -> CardState {
        var card = state
        let memory = nextMemory(state, rating: rating, at: now)
        card.stability = memory.stability
        card.difficulty = memory.difficulty

        let interval: TimeInterval
        switch state.phase {
        case .new, .learning, .relearning:
            let ladder = StepLadder(steps: state.phase == .relearning ? relearningSteps : learningSteps)
            switch ladder.outcome(of: rating, at: state.phase == .new ? 0 : state.step ?? 0) {
            case .step(let index, let seconds):
                card.phase = state.phase == .relearning ? .relearning : .learning
                card.step = index
                interval = seconds
            case .graduate:
                card.phase = .review
                card.step = nil
                interval = reviewInterval(stability: memory.stability, state: state, at: now)
            }
        case .review:
            if rating == .again, let first = relearningSteps.first {
                card.phase = .relearning
                card.step = 0
                interval = first
            } else {
                card.step = nil
                interval = reviewInterval(stability: memory.stability, state: state, at: now)
            }
        }
        if state.phase == .review && rating == .again { card.lapses += 1 }
        card.reps += 1
        card.lastReview = now
        card.due = now.addingTimeInterval(interval)
        return card
    }

    /// The probability of recalling the card at `now`, or `nil` for a card never reviewed.
    ///
    /// R = (1 + F · t / S)^(−w20), with t the whole days since the last review (never negative).
    public func retrievability(of state: CardState, at now: Date) -> Double? {
        guard let lastReview = state.lastReview, let stability = state.stability else { return nil }
        return retrievability(stability: stability, elapsedDays: max(0, Self.elapsedDays(from: lastReview, to: now)))
    }

    /// The interval in days for a card of stability `stability`, before fuzz: the time for
    /// recall to fall to the desired retention, rounded half to even like Python's `round`,
    /// and clamped to 1 … maximum interval.
    public func interval(forStability stability: Double) -> Int {
        let days = (stability / factor) * retentionTerm
        let rounded = days.rounded(.toNearestOrEven)
        guard rounded.isFinite else { return maximumInterval }
        return Int(min(max(rounded, 1), Double(maximumInterval)))
    }

    // MARK: - Memory

    private func nextMemory(_ state: CardState, rating: Rating, at now: Date) -> (stability: Double, difficulty: Double)
    {
        guard state.phase != .new, let stability = state.stability, let difficulty = state.difficulty else {
            return (initialStability(rating), clampDifficulty(initialDifficulty(rating)))
        }
        let nextStability: Double
        if let lastReview = state.lastReview, Self.elapsedDays(from: lastReview, to: now) < 1 {
            nextStability = shortTermStability(stability, rating: rating)
        } else {
            // Like the reference, a card with no last review counts as fully forgotten (R = 0).
            let recall =
                state.lastReview.map {
                    retrievability(stability: stability, elapsedDays: max(0, Self.elapsedDays(from: $0, to: now)))
                } ?? 0
            nextStability =
                rating == .again
                ? forgetStability(difficulty: difficulty, stability: stability, retrievability: recall)
                : recallStability(difficulty: difficulty, stability: stability, retrievability: recall, rating: rating)
        }
        return (max(nextStability, Self.minimumStability), nextDifficulty(difficulty, rating: rating))
    }

    private func retrievability(stability: Double, elapsedDays: Int) -> Double {
        pow(1 + factor * Double(elapsedDays) / max(stability, Self.minimumStability), curveExponent)
    }

    private var w: [Double] { parameters.weights }

    private func initialStability(_ rating: Rating) -> Double {
        max(w[rating.rawValue - 1], Self.minimumStability)
    }

    private func initialDifficulty(_ rating: Rating) -> Double {
        initialDifficulties[rating.rawValue - 1]
    }

    private func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }

    private func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(w[7] * easyInitialDifficulty + (1 - w[7]) * damped)
    }

    private func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase = shortTermFactors[rating.rawValue - 1] * pow(stability, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(stability * increase, Self.minimumStability)
    }

    private func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm =
            w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
            * pow(Self.e, (1 - retrievability) * w[14])
        let shortTerm = stability / lapseDivisor
        return min(longTerm, shortTerm)
    }

    private func recallStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating)
        -> Double
    {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return stability
            * (1 + recallScale * (11 - difficulty) * pow(stability, -w[9])
                * (pow(Self.e, (1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
    }

    /// Python's `math.e`, raised with `pow` as the reference does (`math.e ** x`).
    private static let e = 2.718281828459045

    // MARK: - Intervals

    private func reviewInterval(stability: Double, state: CardState, at now: Date) -> TimeInterval {
        var days = interval(forStability: stability)
        if let unit = fuzz.unitValue(for: state, at: now) {
            days = FuzzRange.fuzzed(days: days, maximumInterval: maximumInterval, unit: unit)
        }
        return Double(days) * 86_400
    }

    /// Whole days from `start` to `end`, rounded down (negative when `end` is earlier), like
    /// Python's `timedelta.days`; the difference is first rounded to the microsecond.
    public static func elapsedDays(from start: Date, to end: Date) -> Int {
        let microseconds = ((end.timeIntervalSinceReferenceDate - start.timeIntervalSinceReferenceDate) * 1e6).rounded()
        let days = (microseconds / 86_400_000_000).rounded(.down)
        return Int(min(max(days, -1e15), 1e15))
    }
}
