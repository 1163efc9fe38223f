import Foundation
import Scheduling
import Testing

@testable import Optimizer

@Suite struct FitTests {
    @Test func sameHistoryGivesBitIdenticalParameters() throws {
        let set = try OptimizerFixtures.trainingSet("simulated-b")
        let first = FSRSOptimizer().fit(set)
        let second = FSRSOptimizer().fit(try OptimizerFixtures.trainingSet("simulated-b"))
        #expect(first.outcome == .fitted)
        #expect(first.parameters.map(\.bitPattern) == second.parameters.map(\.bitPattern))
    }

    @Test func anotherSeedGivesAnotherButEquallyGoodFit() throws {
        let set = try OptimizerFixtures.trainingSet("real")
        var configuration = FSRSOptimizer.Configuration()
        configuration.seed = 7
        let seeded = FSRSOptimizer(configuration: configuration).fit(set)
        let standard = FSRSOptimizer().fit(set)
        #expect(seeded.parameters != standard.parameters)
        let a = try #require(Evaluation.evaluate(seeded.parameters, on: set))
        let b = try #require(Evaluation.evaluate(standard.parameters, on: set))
        #expect(abs(a.logLoss - b.logLoss) < 0.005 * b.logLoss)
    }

    @Test func progressCountsEveryBatch() throws {
        let set = try OptimizerFixtures.trainingSet("real")
        var calls: [(Int, Int)] = []
        _ = FSRSOptimizer().fit(set) { calls.append(($0, $1)) }
        #expect(!calls.isEmpty)
        #expect(calls.map(\.0) == Array(1...calls.count))
        #expect(calls.allSatisfy { $0.1 == calls.count })
    }

    /// A card seen on `days` (one review a day, rated Good, first rating `first`).
    static func card(_ first: UInt8, gaps: [Int32], rating: UInt8 = 3) -> [(delta: Int32, rating: UInt8)] {
        [(0, first)] + gaps.map { ($0, rating) }
    }

    static func set(_ cards: [[(delta: Int32, rating: UInt8)]]) -> TrainingSet {
        var items: [TrainingSet.Item] = []
        for (index, card) in cards.enumerated() {
            for position in 1..<card.count where card[position].delta > 0 {
                items.append(TrainingSet.Item(card: Int32(index), length: Int32(position + 1)))
            }
        }
        return TrainingSet(cards: cards, items: items)
    }

    @Test func fewerThanEightItemsKeepTheDefaults() {
        let set = Self.set((0..<7).map { _ in Self.card(3, gaps: [2]) })
        let fit = FSRSOptimizer().fit(set)
        #expect(fit.outcome == .tooFewItems)
        #expect(fit.parameters == FSRSParameters.defaultWeights)
        let report = OptimizationReport.make(set: set, current: FSRSParameters.defaultWeights)
        #expect(report?.isImprovement == false)
    }

    @Test func fewerThanSixtyFourItemsPretrainOnly() {
        // 30 cards first rated Good, seen again after 2 days (every fifth forgotten).
        let cards = (0..<30).map { Self.card(3, gaps: [2], rating: $0 % 5 == 0 ? 1 : 3) }
        let fit = FSRSOptimizer().fit(Self.set(cards))
        #expect(fit.outcome == .pretrainedOnly)
        #expect(fit.parameters[4...] == FSRSParameters.defaultWeights[4...])
        #expect(fit.parameters[2] != FSRSParameters.defaultWeights[2])
        // Only Good was seen: the others are scaled from the defaults by the same factor.
        let factor = Float(fit.parameters[2]) / Float(FSRSParameters.defaultWeights[2])
        #expect(abs(fit.parameters[0] - Double(Float(FSRSParameters.defaultWeights[0]) * factor)) < 1e-6)
    }

    @Test func onlyFirstReviewItemsPretrainOnly() {
        var cards: [[(delta: Int32, rating: UInt8)]] = []
        for index in 0..<100 {
            let first: UInt8 = index % 2 == 0 ? 3 : 1
            let gap = Int32(1 + index % 3)
            let rating: UInt8 = index % 4 == 0 ? 1 : 3
            cards.append(Self.card(first, gaps: [gap], rating: rating))
        }
        #expect(FSRSOptimizer().fit(Self.set(cards)).outcome == .pretrainedOnly)
    }

    @Test func outlierFilterLeavingNothingToPretrainKeepsTheDefaults() {
        // Every first-long-term item is in a group of fewer than six: all are removed.
        let cards = (0..<10).map { Self.card(3, gaps: [Int32(1 + $0), 5, 9]) }
        let fit = FSRSOptimizer().fit(Self.set(cards))
        #expect(fit.outcome == .tooFewItems)
        #expect(fit.parameters == FSRSParameters.defaultWeights)
    }

    @Test func aFitNoBetterThanTheCurrentParametersIsNotAnImprovement() throws {
        let set = try OptimizerFixtures.trainingSet("simulated-b")
        let first = try #require(OptimizationReport.make(set: set, current: FSRSParameters.defaultWeights))
        #expect(first.isImprovement)
        // Starting from the fitted parameters, refitting cannot do better than themselves…
        let again = try #require(OptimizationReport.make(set: set, current: first.parameters))
        #expect(again.currentEvaluation == first.fittedEvaluation)
        #expect(again.isImprovement == (again.fittedEvaluation.logLoss < again.currentEvaluation.logLoss))
        #expect(!again.isImprovement)
    }

    @Test func noItemsGiveNoReport() {
        let set = Self.set([[(0, 3), (0, 3)], [(0, 1)]])
        #expect(set.items.isEmpty)
        #expect(OptimizationReport.make(set: set, current: FSRSParameters.defaultWeights) == nil)
    }
}
