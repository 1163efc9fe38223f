import Foundation

/// The bounds fsrs-rs clips FSRS-6 parameters to after every training step.
///
/// They are the reference bounds, except that w19 is at least 0.01 when short-term
/// stability is trained, and that w17 and w18 are capped lower when lapses go through more
/// than one relearning step: a lapse's stability multiplied by e^(steps · w17 · w18) must not
/// exceed the stability before it (for D = 1, R = 0.7, S = 1).
public enum ParameterClipper {
    /// The lower and upper bound of each weight, for a number of relearning steps.
    public static func bounds(for weights: [Double], relearningSteps: Int, shortTerm: Bool = true) -> [ClosedRange<
        Double
    >] {
        var ceiling = 2.0
        if relearningSteps > 1 {
            let limit = -(log(weights[11]) + log(pow(2, weights[13]) - 1) + weights[14] * 0.3) / Double(relearningSteps)
            ceiling = limit.isNaN ? 0.1 : min(max(limit, 0.01).squareRoot(), 2)
        }
        return [
            0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4, 0.001...4, 0.001...0.75,
            0...4.5, 0...0.8, 0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9, 0...4, 0...1, 1...6,
            0...ceiling, 0...ceiling, (shortTerm ? 0.01 : 0)...0.8, 0.1...0.8,
        ]
    }

    /// Clamps each weight into its bound (a NaN weight becomes the lower bound).
    public static func clip(_ weights: inout [Double], relearningSteps: Int, shortTerm: Bool = true) {
        let bounds = bounds(for: weights, relearningSteps: relearningSteps, shortTerm: shortTerm)
        for index in weights.indices {
            let bound = bounds[index]
            weights[index] =
                weights[index].isNaN ? bound.lowerBound : min(max(weights[index], bound.lowerBound), bound.upperBound)
        }
    }
}
