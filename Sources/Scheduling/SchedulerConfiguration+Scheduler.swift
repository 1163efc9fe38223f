import Foundation

extension SchedulerConfiguration {
    /// The scheduler this configuration describes.
    ///
    /// With `fuzz` on, interval fuzz is drawn deterministically from `fuzzSeed` mixed with each
    /// review's time and card state (see ``Fuzz``), so a scheduler stays a pure function.
    ///
    /// - Throws: ``SchedulerConfigurationError`` when a parameter is invalid: an FSRS vector of
    ///   the wrong length, with NaN or out of range; a desired retention outside 0.7 to 0.99;
    ///   a step that is not a positive finite duration; a maximum interval below 1 day.
    public func makeScheduler(fuzzSeed: UInt64 = 0) throws(SchedulerConfigurationError) -> any Scheduler {
        let fuzz: Fuzz = self.fuzz ? .seeded(fuzzSeed) : .off
        switch kind {
        case .fsrs:
            return try makeFSRS(fuzz: fuzz)
        case .sm2:
            return try SM2(
                learningSteps: learningSteps, relearningSteps: relearningSteps,
                maximumInterval: maximumInterval, fuzz: fuzz
            )
        }
    }

    /// The FSRS-6 scheduler of this configuration, whatever its `kind`.
    public func makeFSRS(fuzz: Fuzz = .off) throws(SchedulerConfigurationError) -> FSRS {
        try FSRS(
            parameters: parameters.map { weights throws(SchedulerConfigurationError) in try FSRSParameters(weights) }
                ?? .default,
            desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval, fuzz: fuzz
        )
    }

    /// Checks every setting; throws the first problem found.
    public func validate() throws(SchedulerConfigurationError) {
        _ = try makeFSRS()
    }

    /// Checks the settings both schedulers share.
    static func validateCommon(
        desiredRetention: Double, learningSteps: [TimeInterval], relearningSteps: [TimeInterval], maximumInterval: Int
    ) throws(SchedulerConfigurationError) {
        guard (0.7...0.99).contains(desiredRetention) else { throw .desiredRetentionOutOfRange(desiredRetention) }
        for step in learningSteps where !(step.isFinite && step > 0) {
            throw .invalidStep(kind: "learning", seconds: step)
        }
        for step in relearningSteps where !(step.isFinite && step > 0) {
            throw .invalidStep(kind: "relearning", seconds: step)
        }
        guard maximumInterval >= 1 else { throw .maximumIntervalTooSmall(maximumInterval) }
    }
}

extension SchedulerConfiguration {
    /// The SM-2 scheduler of this configuration, whatever its `kind`.
    public func makeSM2(fuzz: Fuzz = .off) throws(SchedulerConfigurationError) -> SM2 {
        try SM2(
            learningSteps: learningSteps, relearningSteps: relearningSteps, maximumInterval: maximumInterval, fuzz: fuzz
        )
    }
}
