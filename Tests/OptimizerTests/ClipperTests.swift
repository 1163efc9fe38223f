import Foundation
import Scheduling
import Testing

@testable import Optimizer

@Suite struct ClipperTests {
    @Test func clampsEveryWeightIntoFsrsRsBounds() {
        var weights = [0, -1000, 1000, 0, 1000, -1000, 1, 0.25, -0.1, 9, 9, 9, 9, 9, 9, 9, 0, 5, 5, -1, 2.0]
        ParameterClipper.clip(&weights, relearningSteps: 1)
        #expect(
            weights == [
                0.001, 0.001, 100, 0.001, 10, 0.001, 1, 0.25, 0, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 1, 2, 2, 0.01, 0.8,
            ])
    }

    @Test func defaultsAreInsideTheBounds() {
        var weights = FSRSParameters.defaultWeights
        ParameterClipper.clip(&weights, relearningSteps: 1)
        #expect(weights == FSRSParameters.defaultWeights)
    }

    @Test func moreRelearningStepsCapW17AndW18() {
        // For the defaults: −(ln w11 + ln(2^w13 − 1) + 0.3·w14) / steps, square-rooted.
        let w = FSRSParameters.defaultWeights
        let limit = -(log(w[11]) + log(pow(2, w[13]) - 1) + w[14] * 0.3)
        for steps in [2, 3, 5] {
            var weights = w
            weights[17] = 1.9
            weights[18] = 1.9
            ParameterClipper.clip(&weights, relearningSteps: steps)
            let ceiling = min(max(limit / Double(steps), 0.01).squareRoot(), 2)
            #expect(abs(weights[17] - ceiling) < 1e-12 && abs(weights[18] - ceiling) < 1e-12)
            #expect(ceiling < 1.9)
        }
        // One step, or the defaults with two steps: nothing changes (fsrs-rs's own test).
        var weights = w
        ParameterClipper.clip(&weights, relearningSteps: 2)
        #expect(Array(weights[17...19]) == [0.5425, 0.0912, 0.0658])
    }

    @Test func withoutShortTermW19MayBeZero() {
        var weights = FSRSParameters.defaultWeights
        weights[19] = 0
        ParameterClipper.clip(&weights, relearningSteps: 1, shortTerm: false)
        #expect(weights[19] == 0)
        ParameterClipper.clip(&weights, relearningSteps: 1)
        #expect(weights[19] == 0.01)
    }

    @Test func nanBecomesTheLowerBound() {
        var weights = FSRSParameters.defaultWeights
        weights[8] = .nan
        ParameterClipper.clip(&weights, relearningSteps: 1)
        #expect(weights[8] == 0)
    }

    @Test func everyFitStaysInsideTheBounds() throws {
        for name in ["real", "simulated-a"] {
            let fit = FSRSOptimizer().fit(try OptimizerFixtures.trainingSet(name))
            let bounds = ParameterClipper.bounds(for: fit.parameters, relearningSteps: 1)
            for (value, bound) in zip(fit.parameters, bounds) { #expect(bound.contains(value)) }
            _ = try FSRSParameters(fit.parameters)
        }
    }
}
