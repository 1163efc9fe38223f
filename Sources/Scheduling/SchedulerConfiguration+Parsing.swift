import Foundation

extension SchedulerConfiguration {
    /// A configuration from the text of command-line options, fuzz off; `nil` keeps a default.
    ///
    /// - Parameters:
    ///   - scheduler: `fsrs` or `sm2`.
    ///   - parameters: FSRS weights separated by commas (21, 19 or 17 numbers).
    ///   - desiredRetention: a number from 0.7 to 0.99.
    ///   - learningSteps: durations separated by commas (see ``parseSteps(_:)``); empty for none.
    ///   - relearningSteps: the same, for relearning.
    ///   - maximumInterval: a whole number of days.
    /// - Throws: ``SchedulerConfigurationError`` for text that does not parse or a value the
    ///   scheduler rejects.
    public init(
        scheduler: String?, parameters: String?, desiredRetention: String?,
        learningSteps: String?, relearningSteps: String?, maximumInterval: String?
    ) throws(SchedulerConfigurationError) {
        self.init(fuzz: false)
        if let scheduler {
            guard let kind = SchedulerKind(rawValue: scheduler.lowercased()) else { throw .unknownScheduler(scheduler) }
            self.kind = kind
        }
        if let parameters {
            var weights: [Double] = []
            for item in parameters.split(separator: ",", omittingEmptySubsequences: false) {
                let text = item.trimmingCharacters(in: .whitespaces)
                guard let weight = Double(text) else { throw .invalidNumber(option: "--parameters", text: text) }
                weights.append(weight)
            }
            self.parameters = weights
        }
        if let desiredRetention {
            guard let value = Double(desiredRetention.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidNumber(option: "--desired-retention", text: desiredRetention)
            }
            self.desiredRetention = value
        }
        if let learningSteps { self.learningSteps = try Self.parseSteps(learningSteps) }
        if let relearningSteps { self.relearningSteps = try Self.parseSteps(relearningSteps) }
        if let maximumInterval {
            guard let days = Int(maximumInterval.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidNumber(option: "--maximum-interval", text: maximumInterval)
            }
            self.maximumInterval = days
        }
        try validate()
    }

    /// Parses steps such as `1m,10m` into seconds: each a whole number followed by `s`, `m`,
    /// `h` or `d`. An empty string means no steps.
    public static func parseSteps(_ text: String) throws(SchedulerConfigurationError) -> [TimeInterval] {
        var steps: [TimeInterval] = []
        for item in text.split(separator: ",") {
            let step = item.trimmingCharacters(in: .whitespaces)
            let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
            guard let unit = step.last.flatMap({ units[$0] }), let count = Int(step.dropLast()), count >= 0 else {
                throw .invalidDuration(step)
            }
            steps.append(Double(count) * unit)
        }
        return steps
    }
}
