import Foundation

/// Anki's classic SM-2 scheduler (as in Anki's v3 scheduler with default deck options).
///
/// In ``CardState``, `stability` holds the interval in days (0 while a new card is in its
/// learning steps; during relearning, the interval the card will get when it graduates) and
/// `difficulty` holds the ease factor (2.5 to start, never below 1.3).
///
/// - Learning: the learning steps as in FSRS; Good after the last step graduates with the
///   graduating interval (1 day), Easy graduates at once with the easy interval (4 days).
/// - Review, on time or late by `late` whole days, scheduled interval `s`, `cur = max(s, 1)`:
///   Hard = cur × 1.2 (at least s + 1), ease − 0.15; Good = (cur + late / 2) × ease (at least
///   Hard + 1); Easy = (cur + late) × ease × 1.3 (at least Good + 1), ease + 0.15.
/// - Review, early (fewer whole days elapsed than scheduled, `e` elapsed): Hard = max(e × 1.2,
///   s × 0.6); Good = max(e × ease, s); Easy = max(e × ease, s) × 1.15; each at least the one
///   before + 1, as Anki does for early reviews.
/// - Again from review: a lapse; ease − 0.20; the new interval is 0 % of the old one but at
///   least 1 day; the card goes through the relearning steps and graduates with that interval
///   (Easy in relearning adds a day).
/// - Intervals are rounded to whole days and capped at the maximum interval.
public struct SM2: Scheduler, Hashable {
    /// The learning steps in seconds.
    public let learningSteps: [TimeInterval]
    /// The relearning steps in seconds.
    public let relearningSteps: [TimeInterval]
    /// The longest interval in days.
    public let maximumInterval: Int
    /// Where the interval fuzz comes from (`.off` for exact intervals).
    public let fuzz: Fuzz

    /// The ease of a card at its first review.
    public static let startingEase = 2.5
    /// The lowest ease.
    public static let minimumEase = 1.3
    /// The interval after Good at the last learning step, in days.
    public static let graduatingInterval = 1
    /// The interval after Easy in learning, in days.
    public static let easyInterval = 4
    /// The factor of the interval for Hard.
    public static let hardMultiplier = 1.2
    /// The extra factor for Easy.
    public static let easyBonus = 1.3
    /// The share of the old interval a lapsed card keeps.
    public static let lapseMultiplier = 0.0
    /// The shortest interval after a lapse, in days.
    public static let minimumLapseInterval = 1

    /// Creates an SM-2 scheduler; every argument defaults to Anki's defaults, fuzz off.
    ///
    /// - Throws: ``SchedulerConfigurationError`` for a step that is not a positive finite
    ///   number of seconds, or a maximum interval below 1.
    public init(
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500,
        fuzz: Fuzz = .off
    ) throws(SchedulerConfigurationError) {
        try SchedulerConfiguration.validateCommon(
            desiredRetention: 0.9, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval
        )
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
    }

    /// The state after reviewing `state` with `rating` at `now`.
    public func review(_ state: CardState, rating: Rating, at now: Date) -> CardState {
        var card = state
        let ease = state.difficulty ?? Self.startingEase
        card.difficulty = ease
        let unit = fuzz.unitValue(for: state, at: now)
        let delay: TimeInterval
        switch state.phase {
        case .new, .learning:
            let step = state.phase == .new ? 0 : state.step ?? 0
            switch StepLadder(steps: learningSteps).outcome(of: rating, at: step) {
            case .step(let index, let seconds):
                card.phase = .learning
                card.step = index
                card.stability = 0
                delay = seconds
            case .graduate:
                let days = fuzzed(rating == .easy ? Self.easyInterval : Self.graduatingInterval, unit: unit)
                card.phase = .review
                card.step = nil
                card.stability = Double(days)
                delay = Double(days) * 86_400
            }
        case .relearning:
            let interval = max(wholeDays(state.stability ?? 1), Self.minimumLapseInterval)
            switch StepLadder(steps: relearningSteps).outcome(of: rating, at: state.step ?? 0) {
            case .step(let index, let seconds):
                card.step = index
                card.stability = Double(interval)
                delay = seconds
            case .graduate:
                let days = min(rating == .easy ? interval + 1 : interval, maximumInterval)
                card.phase = .review
                card.step = nil
                card.stability = Double(days)
                delay = Double(days) * 86_400
            }
        case .review:
            let scheduled = max(state.stability ?? 0, 0)
            if rating == .again {
                card.lapses += 1
                card.difficulty = max(ease - 0.2, Self.minimumEase)
                let days = min(
                    max(Int((scheduled * Self.lapseMultiplier).rounded()), Self.minimumLapseInterval), maximumInterval)
                card.stability = Double(days)
                if let first = relearningSteps.first {
                    card.phase = .relearning
                    card.step = 0
                    delay = first
                } else {
                    card.step = nil
                    delay = Double(days) * 86_400
                }
            } else {
                let elapsed = state.lastReview.map { Double(max(0, FSRS.elapsedDays(from: $0, to: now))) } ?? scheduled
                let (hard, good, easy) = passingIntervals(
                    scheduled: scheduled, elapsed: elapsed, ease: ease, unit: unit)
                let days: Int
                switch rating {
                case .hard:
                    days = hard
                    card.difficulty = max(ease - 0.15, Self.minimumEase)
                case .easy:
                    days = easy
                    card.difficulty = ease + 0.15
                default:
                    days = good
                }
                card.step = nil
                card.stability = Double(days)
                delay = Double(days) * 86_400
            }
        }
        card.reps += 1
        card.lastReview = now
        card.due = now.addingTimeInterval(delay)
        return card
    }

    /// The Hard, Good and Easy intervals of a review-phase card, in days.
    private func passingIntervals(scheduled: Double, elapsed: Double, ease: Double, unit: Double?) -> (Int, Int, Int) {
        let hard: Double
        let good: Double
        let easy: Double
        let hardMinimum: Int
        if elapsed < scheduled {
            hard = max(elapsed * Self.hardMultiplier, scheduled * Self.hardMultiplier / 2)
            good = max(elapsed * ease, scheduled)
            easy = max(elapsed * ease, scheduled) * (Self.easyBonus - (Self.easyBonus - 1) / 2)
            hardMinimum = 1
        } else {
            let current = max(scheduled, 1)
            let late = elapsed - scheduled
            hard = current * Self.hardMultiplier
            good = (current + late / 2) * ease
            easy = (current + late) * ease * Self.easyBonus
            hardMinimum = wholeDays(scheduled) + 1
        }
        let hardDays = constrained(hard, minimum: hardMinimum, unit: unit)
        let goodDays = constrained(good, minimum: hardDays + 1, unit: unit)
        let easyDays = constrained(easy, minimum: goodDays + 1, unit: unit)
        return (hardDays, goodDays, easyDays)
    }

    /// `days` rounded, fuzzed, and kept within [minimum, maximum interval].
    private func constrained(_ days: Double, minimum: Int, unit: Double?) -> Int {
        let rounded = days.isFinite ? Int(min(max(days.rounded(), 1), Double(maximumInterval))) : maximumInterval
        return min(max(fuzzed(rounded, unit: unit), minimum, 1), maximumInterval)
    }

    /// `days` rounded to a whole number of days within 0 … maximum interval (NaN counts as 0).
    private func wholeDays(_ days: Double) -> Int {
        guard !days.isNaN else { return 0 }
        return Int(min(max(days.rounded(), 0), Double(maximumInterval)))
    }

    private func fuzzed(_ days: Int, unit: Double?) -> Int {
        guard let unit else { return days }
        return FuzzRange.fuzzed(days: days, maximumInterval: maximumInterval, unit: unit)
    }

    /// An estimate of the probability of recall at `now`, or `nil` for a card never reviewed.
    ///
    /// SM-2 has no memory model; this uses the FSRS-6 forgetting curve (default decay) with
    /// recall at 90 % on the due date, the retention SM-2's intervals implicitly aim for:
    /// R = (1 + F · t / I)^(−0.1542) with t and I the (fractional) days from the last review
    /// to `now` and to the due date.
    public func retrievability(of state: CardState, at now: Date) -> Double? {
        guard let lastReview = state.lastReview else { return nil }
        let decay = FSRSParameters.default.decay
        let factor = FSRSParameters.default.factor
        let interval = max(state.due.timeIntervalSince(lastReview) / 86_400, FSRS.minimumStability)
        let elapsed = max(now.timeIntervalSince(lastReview) / 86_400, 0)
        return pow(1 + factor * elapsed / interval, -decay)
    }
}
