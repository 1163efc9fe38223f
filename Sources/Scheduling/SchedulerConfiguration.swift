import Foundation

/// Everything that configures a deck's scheduler; stored per deck by the progress store.
public struct SchedulerConfiguration: Sendable, Hashable, Codable {
    /// The algorithm.
    public var kind: SchedulerKind
    /// The probability of recall FSRS aims for when it picks an interval (0.7 to 0.99).
    public var desiredRetention: Double
    /// The learning steps, in seconds (default 1 min, 10 min).
    public var learningSteps: [TimeInterval]
    /// The relearning steps, in seconds (default 10 min).
    public var relearningSteps: [TimeInterval]
    /// The longest interval in days (default 36 500).
    public var maximumInterval: Int
    /// Custom FSRS parameters (21, 19 or 17 numbers), or `nil` for the defaults.
    public var parameters: [Double]?
    /// Whether review intervals get a random spread so cards do not clump together.
    public var fuzz: Bool

    /// Creates a configuration; every argument defaults to the reference defaults.
    public init(
        kind: SchedulerKind = .fsrs,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500,
        parameters: [Double]? = nil,
        fuzz: Bool = true
    ) {
        self.kind = kind
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.parameters = parameters
        self.fuzz = fuzz
    }
}
