import Foundation
import Scheduling

/// Fits FSRS-6's 21 parameters to a review history, following fsrs-rs 6.6.
///
/// The items pass fsrs-rs's outlier filter; the four initial stabilities are pretrained from
/// first ratings (``StabilityPretrainer``); then Adam minimises the recency-weighted binary
/// cross-entropy of the predicted retrievability plus an L2 pull towards the pretrained
/// parameters, with a cosine-annealed learning rate and clipping to FSRS-6's bounds after every
/// step (``ParameterClipper``), over five epochs of batches of 512 predictions. Gradients are
/// exact (``MemoryModel``). Each card's reviews are run once per batch and every prediction on
/// them scored in that pass; batches are whole cards, in a seeded order.
///
/// Everything runs in a fixed order on one thread: the same history gives bit-identical
/// parameters.
public struct FSRSOptimizer: Sendable {
    /// The training hyperparameters (fsrs-rs's defaults).
    public struct Configuration: Sendable, Hashable {
        /// Passes over the training items.
        public var epochs = 5
        /// Predictions per batch.
        public var batchSize = 512
        /// The initial learning rate.
        public var learningRate = 0.04
        /// Items with more reviews than this are left out of training.
        public var maximumSequenceLength = 256
        /// The strength of the L2 pull towards the pretrained parameters.
        public var gamma = 1.0
        /// The seed of the batch order.
        public var seed: UInt64 = 2023
        /// The number of relearning steps (it bounds w17 · w18).
        public var relearningSteps = 1

        /// The defaults.
        public init() {}
    }

    /// What the fit could do with the history.
    public enum Outcome: Sendable, Hashable {
        /// All 21 parameters were fitted.
        case fitted
        /// Fewer than 64 training items (or only first-review items): w0 … w3 were pretrained
        /// and the others are the defaults, as fsrs-rs does.
        case pretrainedOnly
        /// Fewer than 8 training items: the defaults, as fsrs-rs does.
        case tooFewItems
        /// No card has a review on a later day than its first: nothing to pretrain from.
        case notEnoughData
    }

    /// A fit's result.
    public struct Fit: Sendable, Hashable {
        /// The parameters (w0 … w20); the defaults when nothing was fitted.
        public var parameters: [Double]
        /// What the fit could do.
        public var outcome: Outcome
        /// The items trained on (after the outlier filter and the sequence-length limit).
        public var trainingItems: Int
    }

    /// The minimum number of training items for pretraining, and for training all parameters.
    public static let minimumItems = 8, minimumItemsForTraining = 64

    /// fsrs-rs's standard deviations of the parameters over its users, which scale the L2 pull.
    static let parameterDeviations: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ].map { Double(Float($0)) }

    /// The hyperparameters.
    public var configuration: Configuration

    /// Creates an optimizer.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Fits the parameters to `set`'s items; `progress` is called with (batches done, batches
    /// in all) after every batch.
    public func fit(_ set: TrainingSet, progress: ((Int, Int) -> Void)? = nil) -> Fit {
        let defaults = FSRSParameters.defaultWeights
        let split = set.splitForTraining()
        guard split.training.count >= Self.minimumItems else {
            return Fit(parameters: defaults, outcome: .tooFewItems, trainingItems: split.training.count)
        }
        let recall = StabilityPretrainer.averageRecall(of: split.training, in: set)
        guard let pretrained = StabilityPretrainer.pretrain(items: split.initialization, in: set, averageRecall: recall)
        else {
            return Fit(parameters: defaults, outcome: .notEnoughData, trainingItems: split.training.count)
        }
        let initial = pretrained.stabilities + defaults[4...]
        if split.training.count == split.initialization.count || split.training.count < Self.minimumItemsForTraining {
            return Fit(parameters: initial, outcome: .pretrainedOnly, trainingItems: split.training.count)
        }
        let weights = RecencyWeights(count: split.training.count)
        var weighted: [(item: TrainingSet.Item, weight: Double)] = []
        weighted.reserveCapacity(split.training.count)
        for (index, item) in split.training.enumerated() where item.length <= configuration.maximumSequenceLength {
            weighted.append((item, weights[index]))
        }
        var trained = train(weighted, in: set, initial: initial, progress: progress)
        // Smooth and fill the trained initial stabilities like the pretrained ones.
        var found: [Int: Float] = [:]
        for rating in 1...4 { found[rating] = Float(trained[rating - 1]) }
        if let smoothed = StabilityPretrainer.smoothAndFill(found, counts: pretrained.ratingCounts) {
            for rating in 0..<4 { trained[rating] = Double(smoothed[rating]) }
        }
        guard trained.allSatisfy(\.isFinite) else {
            return Fit(parameters: initial, outcome: .pretrainedOnly, trainingItems: weighted.count)
        }
        return Fit(parameters: trained, outcome: .fitted, trainingItems: weighted.count)
    }

    /// Parameters rounded to 4 decimals, as Anki shows them.
    public static func rounded(_ weights: [Double]) -> [Double] {
        weights.map { ($0 * 10_000).rounded() / 10_000 }
    }

    /// One batch: whole cards, each with the number of its reviews to run.
    struct Batch {
        var cards: [(start: Int, count: Int)]
        var predictions: Int
    }

    /// Adam over the batches, from `initial`.
    func train(
        _ items: [(item: TrainingSet.Item, weight: Double)], in set: TrainingSet, initial: [Double],
        progress: ((Int, Int) -> Void)?
    ) -> [Double] {
        // The weight of the prediction of each review (0 where nothing is predicted).
        var reviewWeights = [Double](repeating: 0, count: set.reviewCount)
        // Per card: how many reviews to run (up to its longest item) and its number of items.
        var extent = [Int32](repeating: 0, count: set.cardCount)
        var itemCounts = [Int32](repeating: 0, count: set.cardCount)
        for (item, weight) in items {
            let card = Int(item.card)
            reviewWeights[Int(set.cardStarts[card] + item.length - 1)] = weight
            extent[card] = max(extent[card], item.length)
            itemCounts[card] += 1
        }
        // Cards by their number of reviews to run (then by card), packed into batches of at
        // most `batchSize` predictions.
        let cards = (0..<set.cardCount).filter { itemCounts[$0] > 0 }.sorted { (extent[$0], $0) < (extent[$1], $1) }
        var batches: [Batch] = []
        var current = Batch(cards: [], predictions: 0)
        for card in cards {
            let predictions = Int(itemCounts[card])
            if !current.cards.isEmpty && current.predictions + predictions > configuration.batchSize {
                batches.append(current)
                current = Batch(cards: [], predictions: 0)
            }
            current.cards.append((Int(set.cardStarts[card]), Int(extent[card])))
            current.predictions += predictions
        }
        if !current.cards.isEmpty { batches.append(current) }

        let total = items.count
        let plannedSteps = (total / configuration.batchSize + 1) * configuration.epochs
        var rate = CosineAnnealing(
            steps: Double(max(plannedSteps, batches.count * configuration.epochs)),
            initial: configuration.learningRate)
        var parameters = initial
        var adam = Adam()
        var random = SplitMix64(seed: configuration.seed)
        var order = Array(batches.indices)
        let longest = Int(extent.max() ?? 0)
        var steps = [MemoryModel.Step](
            repeating: MemoryModel.Step(
                kind: .initial, rating: 1, s: 0, d: 0, t: 0, base: 1, r: 0, a: 0, b: 0, e1: 0, e2: 0, flag: false,
                stabilityPasses: true, difficultyPasses: true, lossSlope: 0), count: max(longest, 1))
        var gradient = [Double](repeating: 0, count: 21)
        var done = 0
        for _ in 0..<configuration.epochs {
            // Fisher–Yates with the seeded generator (the same order on every platform).
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            for batchIndex in order {
                let batch = batches[batchIndex]
                let learningRate = rate.next()
                for i in 0..<21 { gradient[i] = 0 }
                let model = MemoryModel(parameters)
                set.deltas.withUnsafeBufferPointer { deltas in
                    set.ratings.withUnsafeBufferPointer { ratings in
                        reviewWeights.withUnsafeBufferPointer { weights in
                            steps.withUnsafeMutableBufferPointer { steps in
                                gradient.withUnsafeMutableBufferPointer { g in
                                    guard let deltas = deltas.baseAddress, let ratings = ratings.baseAddress,
                                        let weights = weights.baseAddress, let steps = steps.baseAddress,
                                        let g = g.baseAddress
                                    else { return }
                                    for (start, count) in batch.cards {
                                        _ = model.lossAndGradient(
                                            deltas: deltas, ratings: ratings, weights: weights,
                                            start: start, count: count, steps: steps, gradient: g)
                                    }
                                }
                            }
                        }
                    }
                }
                // The L2 pull, scaled by the batch's share of the items.
                let scale = configuration.gamma * Double(batch.predictions) / Double(total)
                for i in 0..<21 {
                    let deviation = Self.parameterDeviations[i]
                    gradient[i] += 2 * (parameters[i] - initial[i]) / (deviation * deviation) * scale
                }
                adam.step(&parameters, gradient: gradient, rate: learningRate)
                ParameterClipper.clip(&parameters, relearningSteps: configuration.relearningSteps)
                done += 1
                progress?(done, batches.count * configuration.epochs)
            }
        }
        return parameters
    }
}
