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
        guard !set.items.isEmpty, weights.count == 21 else { return nil }
        let model = MemoryModel(weights)
        var predictions = [Double](repeating: 0, count: set.reviewCount)
        set.deltas.withUnsafeBufferPointer { deltas in
            set.ratings.withUnsafeBufferPointer { ratings in
                predictions.withUnsafeMutableBufferPointer { out in
                    guard let deltas = deltas.baseAddress, let ratings = ratings.baseAddress, let out = out.baseAddress else { return }
                    for card in 0..<set.cardCount {
                        let start = Int(set.cardStarts[card])
                        model.predict(deltas: deltas, ratings: ratings, start: start,
                                      count: Int(set.cardStarts[card + 1]) - start, into: out)
                    }
                }
            }
        }
        let weightsByItem = RecencyWeights(count: set.items.count)
        var loss = 0.0, weightSum = 0.0
        var bins: [BinKey: (predicted: Double, actual: Double, count: Double, weight: Double)] = [:]
        // Per review: the reviews with delta_t > 0 up to it, and the lapses before it.
        var longTermCounts = [Int32](repeating: 0, count: set.reviewCount)
        var lapseCounts = [Int32](repeating: 0, count: set.reviewCount)
        for card in 0..<set.cardCount {
            var longTerm: Int32 = 0, lapses: Int32 = 0
            for index in Int(set.cardStarts[card])..<Int(set.cardStarts[card + 1]) {
                lapseCounts[index] = lapses
                if set.deltas[index] > 0 {
                    longTerm += 1
                    if set.ratings[index] == 1 { lapses += 1 }
                }
                longTermCounts[index] = longTerm
            }
        }
        for (index, item) in set.items.enumerated() {
            let last = Int(set.cardStarts[Int(item.card)] + item.length - 1)
            let p = predictions[last]
            guard p.isFinite else { return nil }
            let y = set.ratings[last] > 1 ? 1.0 : 0.0
            let weight = weightsByItem[index]
            loss += (y * log(p) + (1 - y) * log(1 - p)) * weight
            weightSum += weight
            let key = BinKey(delta: set.deltas[last], longTermReviews: Int(longTermCounts[last]), lapses: Int(lapseCounts[last]))
            bins[key, default: (0, 0, 0, 0)].predicted += p
            bins[key, default: (0, 0, 0, 0)].actual += y
            bins[key, default: (0, 0, 0, 0)].count += 1
            bins[key, default: (0, 0, 0, 0)].weight += weight
        }
        var squares = 0.0, binWeights = 0.0
        for key in bins.keys.sorted() {
            guard let bin = bins[key] else { continue }
            let error = bin.predicted / bin.count - bin.actual / bin.count
            squares += error * error * bin.weight
            binWeights += bin.weight
        }
        let result = Evaluation(logLoss: -loss / weightSum, rmseBins: (squares / binWeights).squareRoot())
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
struct BinKey: Hashable, Comparable {
    var interval: UInt32, length: UInt32, lapses: UInt32

    init(delta: Int32, longTermReviews: Int, lapses: Int) {
        interval = UInt32((2.48 * pow(3.62, (log(Double(delta)) / log(3.62)).rounded(.down)) * 100).rounded())
        let length = Double(longTermReviews) + 1
        self.length = UInt32((1.99 * pow(1.89, (log(length) / log(1.89)).rounded(.down))).rounded())
        self.lapses = lapses == 0 ? 0 : UInt32((1.65 * pow(1.73, (log(Double(lapses)) / log(1.73)).rounded(.down))).rounded())
    }

    static func < (a: BinKey, b: BinKey) -> Bool {
        (a.interval, a.length, a.lapses) < (b.interval, b.length, b.lapses)
    }
}
