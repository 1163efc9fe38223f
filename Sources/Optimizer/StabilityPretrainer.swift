import Foundation
import Scheduling

/// Pretrains the four initial stabilities w0 … w3 from first ratings, as fsrs-rs's
/// `parameter_initialization` does (in single precision where it uses it, so the values agree).
///
/// For each first rating, the first-long-term items are grouped by `delta_t`; each group's
/// recall is Laplace-smoothed towards the average recall; a ternary search finds the stability
/// whose forgetting curve (default decay) best fits the groups by count-weighted log loss plus
/// an L1 pull |S − default| / 16 towards the default. Ratings whose stability is below a lower
/// rating's are merged, and ratings never seen are filled in geometrically from the others.
public enum StabilityPretrainer {
    /// The lowest and highest initial stability.
    static let minimumStability: Float = 0.001, maximumStability: Float = 100

    /// What the first-long-term items tell about one first rating.
    struct Group {
        var delta: Double
        var recall: Double
        var count: Double
    }

    /// The pretrained w0 … w3 and how many items each first rating had.
    public struct Result: Sendable, Hashable {
        /// w0 … w3.
        public var stabilities: [Double]
        /// Item counts per first rating (index 0 for Again); ratings without items are absent.
        public var ratingCounts: [Int: Int]
    }

    /// The average recall fsrs-rs smooths with: the share of items whose predicted review was
    /// not Again.
    public static func averageRecall(of items: [TrainingSet.Item], in set: TrainingSet) -> Float {
        guard !items.isEmpty else { return 0 }
        var passed: UInt32 = 0
        for item in items where set.ratings[Int(set.cardStarts[Int(item.card)] + item.length - 1)] > 1 { passed += 1 }
        return Float(passed) / Float(UInt32(items.count))
    }

    /// Pretrains from first-long-term `items`; `nil` when there are none (fsrs-rs's "not
    /// enough data").
    public static func pretrain(items: [TrainingSet.Item], in set: TrainingSet, averageRecall: Float) -> Result? {
        // rating → delta_t → (passed, count)
        var tallies: [Int: [Int32: (passed: Int, count: Int)]] = [:]
        for item in items {
            let start = Int(set.cardStarts[Int(item.card)])
            let last = start + Int(item.length) - 1
            let rating = Int(set.ratings[start])
            tallies[rating, default: [:]][set.deltas[last], default: (0, 0)].passed += set.ratings[last] > 1 ? 1 : 0
            tallies[rating, default: [:]][set.deltas[last], default: (0, 0)].count += 1
        }
        var found: [Int: Float] = [:]
        var counts: [Int: Int] = [:]
        for (rating, byDelta) in tallies {
            let groups = byDelta.keys.sorted().map { delta -> Group in
                let tally = byDelta[delta] ?? (0, 0)
                return Group(
                    delta: Double(delta), recall: Double(tally.passed) / Double(tally.count), count: Double(tally.count)
                )
            }
            counts[rating] = Int(groups.reduce(0.0) { $0 + $1.count })
            found[rating] = search(groups, rating: rating, averageRecall: averageRecall)
        }
        guard let filled = smoothAndFill(found, counts: counts) else { return nil }
        return Result(stabilities: filled.map(Double.init), ratingCounts: counts)
    }

    /// The defaults w0 … w3 in single precision.
    static let defaults: [Float] = FSRSParameters.defaultWeights[0..<4].map(Float.init)

    /// The ternary search for one first rating's stability.
    static func search(_ groups: [Group], rating: Int, averageRecall: Float) -> Float {
        let defaultStability = Double(defaults[rating - 1])
        let smoothed = groups.map { ($0.recall * $0.count + Double(averageRecall)) / ($0.count + 1) }
        let decay = -Double(Float(FSRSParameters.defaultWeights[20]))
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ stability: Double) -> Double {
            var total = 0.0
            for (group, recall) in zip(groups, smoothed) {
                let predicted = pow(group.delta / stability * factor + 1, decay)
                total += -(recall * log(predicted) + (1 - recall) * log(1 - predicted)) * group.count
            }
            return total + abs(stability - defaultStability) / 16
        }
        var low = Double(minimumStability)
        var high = Double(maximumStability)
        var best = defaultStability
        var iterations = 0
        while high - low > Double.ulpOfOne && iterations < 1000 {
            iterations += 1
            let third = (high - low) / 3
            let left = low + third
            let right = high - third
            if loss(left) < loss(right) { high = right } else { low = left }
            best = (high + low) / 2
        }
        return Float(best)
    }

    /// fsrs-rs's `smooth_and_fill`: keeps the ratings that have counts, makes the stabilities
    /// grow with the rating (the rating with more items wins), fills in missing ratings from
    /// the others, and clamps to 0.001 … 100. `nil` when no rating has a stability.
    public static func smoothAndFill(_ found: [Int: Float], counts: [Int: Int]) -> [Float]? {
        var stability = found.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            if let smallValue = stability[small], let bigValue = stability[big], smallValue > bigValue {
                if (counts[small] ?? 0) > (counts[big] ?? 0) {
                    stability[big] = smallValue
                } else {
                    stability[small] = bigValue
                }
            }
        }
        let w1: Float = 0.41
        let w2: Float = 0.54
        var s: [Float?] = [stability[1], stability[2], stability[3], stability[4]]
        switch stability.count {
        case 0:
            return nil
        case 1:
            guard let (rating, value) = stability.first else { return nil }
            let factor = value / defaults[rating - 1]
            s = defaults.map { $0 * factor }.sorted().map { Optional($0) }
        case 2:
            let a = w1 / (w1 + w2).addingProduct(w1, -w2)
            let b = w2 / (w1 + w2).addingProduct(w1, -w2)
            switch (s[0], s[1], s[2], s[3]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = powf(r3, 1 / (1 - w2)) * powf(r4, 1 - 1 / (1 - w2))
                s[1] = r2
                s[0] = powf(r2, 1 / w1) * powf(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = powf(r2, 1 - w2) * powf(r4, w2)
                s[2] = r3
                s[0] = powf(r2, 1 / w1) * powf(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                s[3] = powf(r2, 1 - 1 / w2) * powf(r3, 1 / w2)
                s[0] = powf(r2, 1 / w1) * powf(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                s[1] = powf(r1, a) * powf(r4, 1 - a)
                s[2] = powf(r1, 1 - b) * powf(r4, b)
            case (let r1?, nil, let r3?, nil):
                let r2 = powf(r1, w1) * powf(r3, 1 - w1)
                s[1] = r2
                s[3] = powf(r2, 1 - 1 / w2) * powf(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = powf(r1, 1 - 1 / (1 - w1)) * powf(r2, 1 / (1 - w1))
                s[2] = r3
                s[3] = powf(r2, 1 - 1 / w2) * powf(r3, 1 / w2)
            default:
                break
            }
        case 3:
            switch (s[0], s[1], s[2], s[3]) {
            case (nil, let r2?, let r3?, _):
                s[0] = powf(r2, 1 / w1) * powf(r3, 1 - 1 / w1)
            case (let r1?, nil, let r3?, _):
                s[1] = powf(r1, w1) * powf(r3, 1 - w1)
            case (_, let r2?, nil, let r4?):
                s[2] = powf(r2, 1 - w2) * powf(r4, w2)
            case (_, let r2?, let r3?, nil):
                s[3] = powf(r2, 1 - 1 / w2) * powf(r3, 1 / w2)
            default:
                break
            }
        default:
            break
        }
        let values = s.compactMap { $0 }
        guard values.count == 4 else { return nil }
        return values.map { min(max($0, minimumStability), maximumStability) }
    }
}
