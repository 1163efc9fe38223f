import Foundation
import Scheduling
import Testing

@testable import Optimizer

/// The analytic gradient of ``MemoryModel`` against central finite differences.
@Suite struct GradientTests {
    /// Cards that go through every branch: first ratings 1 to 4, same-day reviews (short term,
    /// including a raw multiplier below 1 for Good), lapses (long-term and floored), Hard and
    /// Easy successes, long gaps.
    static let cards: [[(delta: Int32, rating: UInt8)]] = [
        [(0, 1), (0, 1), (0, 3), (1, 3), (3, 3), (8, 1), (0, 3), (2, 3), (6, 2), (15, 4)],
        [(0, 2), (0, 3), (2, 2), (5, 3), (12, 3), (30, 1), (1, 3)],
        [(0, 3), (2, 3), (6, 4), (20, 3), (60, 1), (0, 1), (0, 3), (3, 3)],
        [(0, 4), (7, 3), (25, 2), (90, 3), (200, 1), (4, 4)],
        [(0, 3), (0, 3), (0, 4), (1, 1), (1, 1), (2, 3), (400, 3)],
    ]

    static func loss(_ weights: [Double], cards: [[(delta: Int32, rating: UInt8)]], gradient: inout [Double]) -> Double
    {
        let deltas = cards.flatMap { $0.map(\.delta) }
        let ratings = cards.flatMap { $0.map(\.rating) }
        var itemWeights = [Double](repeating: 0, count: deltas.count)
        var starts: [Int] = [0]
        for card in cards { starts.append(starts[starts.count - 1] + card.count) }
        for index in deltas.indices where deltas[index] > 0 { itemWeights[index] = 0.25 + Double(index % 7) / 8 }
        let model = MemoryModel(weights)
        var steps = [MemoryModel.Step](
            repeating: MemoryModel.Step(
                kind: .initial, rating: 1, s: 0, d: 0, t: 0, base: 1, r: 0, a: 0, b: 0, e1: 0, e2: 0, flag: false,
                stabilityPasses: true, difficultyPasses: true, lossSlope: 0), count: 32)
        var total = 0.0
        for card in cards.indices {
            total += model.lossAndGradient(
                deltas: deltas, ratings: ratings, weights: itemWeights, start: starts[card],
                count: starts[card + 1] - starts[card], steps: &steps, gradient: &gradient)
        }
        return total
    }

    @Test(arguments: [
        FSRSParameters.defaultWeights,
        [
            0.5, 1.8, 4.0, 12.0, 5.8, 1.1, 2.2, 0.01, 1.6, 0.25, 1.1, 1.8, 0.09, 0.35, 1.9, 0.45, 2.4, 0.4, 0.2, 0.1,
            0.3,
        ],
        [1.0, 2.5, 5.0, 20.0, 6.5, 0.6, 1.5, 0.05, 1.2, 0.12, 0.9, 1.2, 0.05, 0.2, 1.2, 0.3, 2.0, 0.7, 0.3, 0.05, 0.2],
        // A large w17·w18 makes lapses take the floor S / e^(w17·w18).
        [0.3, 1.1, 2.9, 9.0, 6.0, 0.7, 2.5, 0.02, 1.5, 0.2, 0.8, 3.5, 0.03, 0.7, 2.5, 0.5, 2.0, 1.6, 1.4, 0.3, 0.25],
    ])
    func analyticGradientEqualsFiniteDifferences(weights: [Double]) {
        var analytic = [Double](repeating: 0, count: 21)
        _ = Self.loss(weights, cards: Self.cards, gradient: &analytic)
        #expect(analytic.contains { $0 != 0 })
        for index in 0..<21 {
            let h = 1e-6 * max(1, abs(weights[index]))
            var up = weights
            var down = weights
            up[index] += h
            down[index] -= h
            var ignored = [Double](repeating: 0, count: 21)
            let numeric =
                (Self.loss(up, cards: Self.cards, gradient: &ignored)
                    - Self.loss(down, cards: Self.cards, gradient: &ignored)) / (2 * h)
            #expect(
                abs(analytic[index] - numeric) <= 1e-5 * max(1, abs(numeric)),
                "w\(index): analytic \(analytic[index]), finite differences \(numeric)")
        }
    }

    @Test func everyWeightGetsAGradientSomewhere() {
        var gradient = [Double](repeating: 0, count: 21)
        _ = Self.loss(FSRSParameters.defaultWeights, cards: Self.cards, gradient: &gradient)
        for index in 0..<21 where index != 17 && index != 18 {
            #expect(gradient[index] != 0, "w\(index)")
        }
    }
}
