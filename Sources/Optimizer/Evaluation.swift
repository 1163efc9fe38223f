import Foundation

/// How well parameters predict a history, as fsrs-rs's `FSRS::evaluate` measures it.
public struct Evaluation: Sendable, Hashable {
    /// The recency-weighted mean binary cross-entropy of the predicted retrievability.
    public var logLoss: Double
    /// The root mean square error between mean predicted and actual recall over bins of
    /// (interval, number of reviews, number of lapses), each bin weighted by its items' weights.
    public var rmseBins: Double

    /// Creates an evaluation from its two figures.
    public init(logLoss: Double, rmseBins: Double) {
        self.logLoss = logLoss
        self.rmseBins = rmseBins
    }

    /// Evaluates `weights` (21 numbers) on every item of `set`; `nil` when the set has no items
    /// or a prediction is not a finite probability.
    public static func evaluate(_ weights: [Double], on set: TrainingSet) -> Evaluation? {
        Evaluator(set: set).evaluate(weights)
    }
}

/// Evaluates parameters on a fixed set of items: the bins and weights are worked out once.
public struct Evaluator: Sendable {
    /// The items' set.
    public let set: TrainingSet
    /// Per item: its review's index, its bin and its recency weight; whether it was recalled.
    private let reviewIndex: [Int32], bin: [Int32], weight: [Double], recalled: [Bool]
    /// How many bins there are.
    private let binCount: Int

    /// Prepares the evaluation of `set`'s items.
    public init(set: TrainingSet) {
        self.set = set
        // Per review: the reviews with delta_t > 0 up to it, and the lapses before it.
        var longTermCounts = [Int32](repeating: 0, count: set.reviewCount)
        var lapseCounts = [Int32](repeating: 0, count: set.reviewCount)
        for card in 0..<set.cardCount {
            var longTerm: Int32 = 0
            var lapses: Int32 = 0
            for index in Int(set.cardStarts[card])..<Int(set.cardStarts[card + 1]) {
                lapseCounts[index] = lapses
                if set.deltas[index] > 0 {
                    longTerm += 1
                    if set.ratings[index] == 1 { lapses += 1 }
                }
                longTermCounts[index] = longTerm
            }
        }
        let recency = RecencyWeights(count: set.items.count)
        // Bins depend on (delta_t, reviews with delta_t > 0, lapses) only: number the triples.
        var keys: [BinKey: Int32] = [:]
        var triples: [Int64: Int32] = [:]
        var reviewIndex: [Int32] = []
        var bin: [Int32] = []
        var weight: [Double] = []
        var recalled: [Bool] = []
        reviewIndex.reserveCapacity(set.items.count)
        bin.reserveCapacity(set.items.count)
        weight.reserveCapacity(set.items.count)
        recalled.reserveCapacity(set.items.count)
        for (index, item) in set.items.enumerated() {
            let last = set.cardStarts[Int(item.card)] + item.length - 1
            let (delta, longTerm, lapses) = (set.deltas[Int(last)], longTermCounts[Int(last)], lapseCounts[Int(last)])
            let packed = Int64(delta) << 42 | Int64(min(longTerm, 0x1F_FFFF)) << 21 | Int64(min(lapses, 0x1F_FFFF))
            let binIndex: Int32
            if let known = triples[packed] {
                binIndex = known
            } else {
                let key = BinKey(delta: delta, longTermReviews: Int(longTerm), lapses: Int(lapses))
                if let known = keys[key] {
                    binIndex = known
                } else {
                    binIndex = Int32(keys.count)
                    keys[key] = binIndex
                }
                triples[packed] = binIndex
            }
            reviewIndex.append(last)
            bin.append(binIndex)
            weight.append(recency[index])
            recalled.append(set.ratings[Int(last)] > 1)
        }
        self.reviewIndex = reviewIndex
        self.bin = bin
        self.weight = weight
        self.recalled = recalled
        binCount = keys.count
    }

    /// Evaluates `weights` (21 numbers); `nil` when there are no items or a prediction is not a
    /// finite probability.
    public func evaluate(_ weights: [Double]) -> Evaluation? {
        guard !set.items.isEmpty, weights.count == 21 else { return nil }
        let model = MemoryModel(weights)
        var predictions = [Double](repeating: 0, count: set.reviewCount)
        set.deltas.withUnsafeBufferPointer { deltas in
            set.ratings.withUnsafeBufferPointer { ratings in
                predictions.withUnsafeMutableBufferPointer { out in
                    guard let deltas = deltas.baseAddress, let ratings = ratings.baseAddress, let out = out.baseAddress
                    else { return }
                    for card in 0..<set.cardCount {
                        let start = Int(set.cardStarts[card])
                        model.predict(
                            deltas: deltas, ratings: ratings, start: start,
                            count: Int(set.cardStarts[card + 1]) - start, into: out)
                    }
                }
            }
        }
        var loss = 0.0
        var weightSum = 0.0
        var predicted = [Double](repeating: 0, count: binCount)
        var actual = predicted
        var counts = predicted
        var binWeights = predicted
        for index in reviewIndex.indices {
            let p = predictions[Int(reviewIndex[index])]
            guard p.isFinite else { return nil }
            let y = recalled[index] ? 1.0 : 0.0
            let w = weight[index]
            loss += (recalled[index] ? log(p) : log(1 - p)) * w
            weightSum += w
            let b = Int(bin[index])
            predicted[b] += p
            actual[b] += y
            counts[b] += 1
            binWeights[b] += w
        }
        var squares = 0.0
        var totalWeight = 0.0
        for b in 0..<binCount {
            let error = predicted[b] / counts[b] - actual[b] / counts[b]
            squares += error * error * binWeights[b]
            totalWeight += binWeights[b]
        }
        let result = Evaluation(logLoss: -loss / weightSum, rmseBins: (squares / totalWeight).squareRoot())
        guard result.logLoss.isFinite, result.rmseBins.isFinite else { return nil }
        return result
    }
}

/// fsrs-rs's recency weights: 0.25 + 0.75·(i / (n − 1))³ for the i-th of n items, oldest first.
struct RecencyWeights {
    let count: Int
    subscript(index: Int) -> Double {
        let span = Float(max(Float(count) - 1, 1))
        let fraction = Float(index) / span
        return Double(0.25 + 0.75 * fraction * fraction * fraction)
    }
}

/// The bin fsrs-rs's `r_matrix_index` puts an item in.
struct BinKey: Hashable {
    var interval: UInt32, length: UInt32, lapses: UInt32

    init(delta: Int32, longTermReviews: Int, lapses: Int) {
        interval = UInt32((2.48 * pow(3.62, (log(Double(delta)) / log(3.62)).rounded(.down)) * 100).rounded())
        let length = Double(longTermReviews) + 1
        self.length = UInt32((1.99 * pow(1.89, (log(length) / log(1.89)).rounded(.down))).rounded())
        self.lapses =
            lapses == 0 ? 0 : UInt32((1.65 * pow(1.73, (log(Double(lapses)) / log(1.73)).rounded(.down))).rounded())
    }
}
