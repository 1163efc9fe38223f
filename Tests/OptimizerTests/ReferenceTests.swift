import Foundation
import Scheduling
import Testing

@testable import Optimizer

/// recall's optimizer against fsrs-rs-python 0.9.3 (fsrs 6.6.2) on the committed fixtures.
@Suite struct ReferenceTests {
    static let names = ["real", "simulated-a", "simulated-b"]

    @Test(arguments: names)
    func itemsAreTheOnesFsrsRsWasGiven(name: String) throws {
        let set = try OptimizerFixtures.trainingSet(name)
        let dataset = OptimizerFixtures.dataset(name)
        #expect(set.reviewCount == dataset.reviews)
        #expect(set.items.count == dataset.items)
        #expect(set.fnv1a == dataset.items_fnv1a)
    }

    @Test(arguments: names)
    func pretrainedStabilitiesEqualFsrsRs(name: String) throws {
        let set = try OptimizerFixtures.trainingSet(name)
        let cases = OptimizerFixtures.dataset(name).pretrain
        #expect(cases.count >= 3)
        for expected in cases {
            let subset = set.firstLongTermItems(ratings: expected.first_ratings)
            #expect(subset.items.count == expected.items)
            // fsrs-rs's compute_parameters on first-long-term items only returns the pretrained
            // stabilities (or the defaults with fewer than 8 items after the outlier filter).
            let fit = FSRSOptimizer().fit(subset)
            for (index, value) in fit.parameters[0..<4].enumerated() {
                let reference = expected.stabilities[index]
                #expect(
                    abs(value - reference) <= 1e-6 * max(1, reference),
                    "\(name) ratings \(expected.first_ratings): w\(index) = \(value), fsrs-rs \(reference)")
            }
            #expect(fit.parameters[4...] == FSRSParameters.defaultWeights[4...])
        }
    }

    @Test(arguments: names)
    func evaluationEqualsFsrsRs(name: String) throws {
        let set = try OptimizerFixtures.trainingSet(name)
        for expected in OptimizerFixtures.dataset(name).evaluations {
            let evaluation = try #require(Evaluation.evaluate(expected.parameters, on: set))
            #expect(
                abs(evaluation.logLoss - expected.log_loss) <= 2e-5 * expected.log_loss,
                "\(name): log loss \(evaluation.logLoss), fsrs-rs \(expected.log_loss)")
            #expect(
                abs(evaluation.rmseBins - expected.rmse_bins) <= 1e-4 * expected.rmse_bins + 1e-6,
                "\(name): RMSE(bins) \(evaluation.rmseBins), fsrs-rs \(expected.rmse_bins)")
        }
    }

    /// The bar: log loss within 0.5 % of fsrs-rs's own fit, or better.
    @Test(arguments: names)
    func fitIsAsGoodAsFsrsRs(name: String) throws {
        let set = try OptimizerFixtures.trainingSet(name)
        let dataset = OptimizerFixtures.dataset(name)
        let report = try #require(OptimizationReport.make(set: set, current: FSRSParameters.defaultWeights))
        #expect(report.outcome == .fitted)
        let reference = dataset.evaluations[1].log_loss
        #expect(
            report.fittedEvaluation.logLoss <= reference * 1.005,
            "\(name): recall \(report.fittedEvaluation.logLoss), fsrs-rs \(reference)")
        #expect(report.isImprovement)
        #expect(try FSRSParameters(report.parameters).weights == report.parameters)
    }
}
