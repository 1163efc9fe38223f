/// A fit and how it compares with the current parameters on the same history: what
/// `recall optimize` reports.
public struct OptimizationReport: Sendable, Hashable {
    /// The reviews used (after cutting cards to their last learning start).
    public var reviews: Int
    /// The items built from them (every one is scored; the fit trains on those that pass the
    /// outlier filter).
    public var items: Int
    /// The items the fit trained on.
    public var trainingItems: Int
    /// What the fit could do.
    public var outcome: FSRSOptimizer.Outcome
    /// The current parameters.
    public var current: [Double]
    /// The proposed parameters, rounded to 4 decimals.
    public var parameters: [Double]
    /// How well the current parameters predict the history.
    public var currentEvaluation: Evaluation
    /// How well the proposed parameters predict it.
    public var fittedEvaluation: Evaluation

    /// Whether the proposed parameters should replace the current ones: something was fitted
    /// and its log loss is lower on the same items.
    public var isImprovement: Bool {
        switch outcome {
        case .fitted, .pretrainedOnly:
            fittedEvaluation.logLoss < currentEvaluation.logLoss && parameters.allSatisfy(\.isFinite)
        case .tooFewItems, .notEnoughData:
            false
        }
    }

    /// Fits `set` and evaluates the current and the fitted parameters on it; `nil` when the
    /// history gives no items or the current parameters cannot be evaluated.
    public static func make(
        set: TrainingSet, current: [Double], optimizer: FSRSOptimizer = FSRSOptimizer(),
        progress: ((Int, Int) -> Void)? = nil
    ) -> OptimizationReport? {
        let evaluator = Evaluator(set: set)
        guard !set.items.isEmpty, let currentEvaluation = evaluator.evaluate(current) else { return nil }
        let fit = optimizer.fit(set, progress: progress)
        var parameters = FSRSOptimizer.rounded(fit.parameters)
        var outcome = fit.outcome
        guard let fitted = evaluator.evaluate(parameters) else {
            // A fit that cannot even be scored is no fit at all.
            parameters = current
            outcome = .notEnoughData
            return OptimizationReport(
                reviews: set.reviewCount, items: set.items.count, trainingItems: fit.trainingItems, outcome: outcome,
                current: current, parameters: parameters, currentEvaluation: currentEvaluation,
                fittedEvaluation: currentEvaluation)
        }
        return OptimizationReport(
            reviews: set.reviewCount, items: set.items.count, trainingItems: fit.trainingItems, outcome: outcome,
            current: current, parameters: parameters, currentEvaluation: currentEvaluation, fittedEvaluation: fitted)
    }
}
