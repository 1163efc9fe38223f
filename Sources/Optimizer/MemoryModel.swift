import Foundation

/// FSRS-6's memory model as fsrs-rs trains it: the stability and difficulty after each review
/// of a card, the retrievability predicted for each review, and the exact gradient of the
/// log loss with respect to the 21 weights (reverse mode, by hand).
///
/// The model follows fsrs-rs's training forward pass: the first review sets S = w[G−1] and
/// D = D0(G); a review on the same day (`delta_t` = 0) applies the short-term increase; a
/// lapse takes the smaller of the long-term lapse stability and S / e^(w17·w18); a success
/// grows S. Stability is clamped to 0.001 … 36 500 and difficulty to 1 … 10 after each review;
/// gradients stop at an active clamp (and pass on its boundary, as in PyTorch and Burn).
struct MemoryModel {
    static let minimumStability = 0.001, maximumStability = 36_500.0
    static let minimumProbability = 1e-7, maximumProbability = 1 - 1e-7

    /// The weights w0 … w20.
    let w: [Double]
    /// The curve exponent −w20, the factor F = 0.9^(1/−w20) − 1 and dF/d(−w20).
    let decay: Double, factor: Double, factorSlope: Double
    /// e^w8, e^(w17·w18), the unclamped D0(4) and e^(3·w5).
    let expW8: Double, lapseDivisor: Double, easyDifficulty: Double, exp3W5: Double
    /// e^(w17·(G − 3 + w18)) for G = 1 … 4 (index G − 1).
    let shortTermFactors: (Double, Double, Double, Double)

    init(_ weights: [Double]) {
        w = weights
        decay = -weights[20]
        let c = log(0.9)
        factor = exp(c / decay) - 1
        factorSlope = exp(c / decay) * (-c / (decay * decay))
        expW8 = exp(weights[8])
        lapseDivisor = exp(weights[17] * weights[18])
        easyDifficulty = weights[4] - exp(weights[5] * 3) + 1
        exp3W5 = exp(3 * weights[5])
        shortTermFactors = (
            exp(weights[17] * (-2 + weights[18])), exp(weights[17] * (-1 + weights[18])),
            exp(weights[17] * weights[18]), exp(weights[17] * (1 + weights[18]))
        )
    }

    @inline(__always) func shortTermFactor(_ rating: Int) -> Double {
        switch rating {
        case 1: shortTermFactors.0
        case 2: shortTermFactors.1
        case 3: shortTermFactors.2
        default: shortTermFactors.3
        }
    }

    /// What one review did, kept for the backward pass.
    struct Step {
        enum Kind: UInt8 { case initial, shortTerm, lapse, success }
        var kind: Kind
        var rating: Int
        /// Stability and difficulty before the review, and its `delta_t`.
        var s: Double, d: Double, t: Double
        /// 1 + F·t/S and the retrievability (base^−w20).
        var base: Double, r: Double
        /// Short term: the raw multiplier and the one used. Lapse: the long-term stability and
        /// the floor S / e^(w17·w18). Success: the increase and S^−w9.
        var a: Double, b: Double
        /// Lapse: (S + 1)^w13 and D^−w12 · e^((1−R)·w14). Success: e^((1−R)·w10).
        var e1: Double, e2: Double
        /// Short term: the raw multiplier counts. Lapse: the floor was used.
        var flag: Bool
        /// The new stability and difficulty were inside their clamps.
        var stabilityPasses: Bool, difficultyPasses: Bool
        /// d(loss)/dR from the review's own prediction.
        var lossSlope: Double
    }

    @inline(__always) static func clampStability(_ s: Double) -> Double {
        min(max(s, minimumStability), maximumStability)
    }
    @inline(__always) static func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }
    @inline(__always) static func passes(_ x: Double, _ low: Double, _ high: Double) -> Bool { x >= low && x <= high }

    /// The review of a card in state (s, d) (`nil` for its first review).
    @inline(__always)
    func step(s: Double, d: Double, first: Bool, delta: Int32, rating: Int) -> (Step, Double, Double) {
        if first {
            let rawS = w[rating - 1]
            let rawD = w[4] - exp(w[5] * Double(rating - 1)) + 1
            let step = Step(
                kind: .initial, rating: rating, s: 0, d: 0, t: Double(delta), base: 1, r: 0, a: 0, b: 0, e1: 0, e2: 0,
                flag: false,
                stabilityPasses: Self.passes(rawS, Self.minimumStability, Self.maximumStability),
                difficultyPasses: Self.passes(rawD, 1, 10), lossSlope: 0)
            return (step, Self.clampStability(rawS), Self.clampDifficulty(rawD))
        }
        let t = Double(delta)
        let base = t / s * factor + 1
        let r = pow(base, decay)
        var step = Step(
            kind: .success, rating: rating, s: s, d: d, t: t, base: base, r: r, a: 0, b: 0, e1: 0, e2: 0, flag: false,
            stabilityPasses: true, difficultyPasses: true, lossSlope: 0)
        let newS: Double
        if delta == 0 {
            step.kind = .shortTerm
            let raw = shortTermFactor(rating) * pow(s, -w[19])
            let used = rating >= 2 ? max(raw, 1) : raw
            step.a = raw
            step.b = used
            step.flag = !(rating >= 2 && raw < 1)
            newS = s * used
        } else if rating == 1 {
            step.kind = .lapse
            let power = pow(s + 1, w[13])
            let rest = pow(d, -w[12]) * exp((1 - r) * w[14])
            let longTerm = w[11] * rest * (power - 1)
            let floor = s / lapseDivisor
            step.e1 = power
            step.e2 = rest
            step.a = longTerm
            step.b = floor
            step.flag = floor < longTerm
            newS = step.flag ? floor : longTerm
        } else {
            let hard = rating == 2 ? w[15] : 1
            let easy = rating == 4 ? w[16] : 1
            let sPower = pow(s, -w[9])
            let recallExp = exp((1 - r) * w[10])
            let increase = expW8 * (11 - d) * sPower * (recallExp - 1) * hard * easy
            step.a = increase
            step.b = sPower
            step.e1 = recallExp
            newS = s * (increase + 1)
        }
        let change = -w[6] * Double(rating - 3)
        let damped = d + (10 - d) * change / 9
        let reverted = w[7] * (easyDifficulty - damped) + damped
        step.stabilityPasses = Self.passes(newS, Self.minimumStability, Self.maximumStability)
        step.difficultyPasses = Self.passes(reverted, 1, 10)
        return (step, Self.clampStability(newS), Self.clampDifficulty(reverted))
    }

    /// The weighted binary cross-entropy of a prediction and its slope d(loss)/dR (zero where
    /// the probability clamp is active).
    @inline(__always)
    static func crossEntropy(_ rRaw: Double, passed: Bool, weight: Double) -> (loss: Double, slope: Double) {
        let r = min(max(rRaw, minimumProbability), maximumProbability)
        let inside = rRaw > minimumProbability && rRaw < maximumProbability
        if passed {
            return (-log(r) * weight, inside ? -weight / r : 0)
        } else {
            return (-log(1 - r) * weight, inside ? weight / (1 - r) : 0)
        }
    }

    /// The summed weighted log loss of one card's predictions, adding its gradient to `gradient`.
    ///
    /// `weights[i]` is the weight of the prediction of review `i` (0 for none); reviews
    /// `start ..< start + count` are the card's, the first being its first review.
    func lossAndGradient(
        deltas: UnsafePointer<Int32>, ratings: UnsafePointer<UInt8>, weights: UnsafePointer<Double>,
        start: Int, count: Int, steps: UnsafeMutablePointer<Step>, gradient g: UnsafeMutablePointer<Double>
    ) -> Double {
        var s = 0.0
        var d = 0.0
        var loss = 0.0
        for position in 0..<count {
            let index = start + position
            let rating = Int(ratings[index])
            var (step, nextS, nextD) = self.step(s: s, d: d, first: position == 0, delta: deltas[index], rating: rating)
            let weight = weights[index]
            if position > 0 && weight != 0 {
                let (itemLoss, slope) = Self.crossEntropy(step.r, passed: rating > 1, weight: weight)
                loss += itemLoss
                step.lossSlope = slope
            }
            steps[position] = step
            (s, d) = (nextS, nextD)
        }
        var gS = 0.0
        var gD = 0.0
        var position = count - 1
        while position >= 0 {
            (gS, gD) = backward(steps[position], gS: gS, gD: gD, gradient: g)
            position -= 1
        }
        return loss
    }

    /// Backpropagates d(loss)/d(S, D after a review) to d(loss)/d(S, D before it), adding the
    /// weights' share to `g`.
    @inline(__always)
    func backward(_ c: Step, gS gOutS: Double, gD gOutD: Double, gradient g: UnsafeMutablePointer<Double>) -> (
        Double, Double
    ) {
        let gNewS = c.stabilityPasses ? gOutS : 0
        let rating = c.rating
        if c.kind == .initial {
            g[rating - 1] += gNewS
            if c.difficultyPasses && gOutD != 0 {
                let offset = Double(rating - 1)
                g[4] += gOutD
                g[5] += gOutD * -offset * exp(offset * w[5])
            }
            return (0, 0)
        }
        let s = c.s
        let d = c.d
        let r = c.r
        var gS = 0.0
        var gD = 0.0
        var gR = c.lossSlope
        if gNewS != 0 {
            switch c.kind {
            case .shortTerm:
                gS += gNewS * c.b
                if c.flag {
                    let gRaw = gNewS * s * c.a
                    g[17] += gRaw * (Double(rating) - 3 + w[18])
                    g[18] += gRaw * w[17]
                    g[19] += gRaw * -log(s)
                    gS += gRaw * (-w[19] / s)
                }
            case .lapse:
                if c.flag {
                    let floor = c.b
                    g[17] += gNewS * floor * -w[18]
                    g[18] += gNewS * floor * -w[17]
                    gS += gNewS * floor / s
                } else {
                    let longTerm = c.a
                    let power = c.e1
                    let rest = c.e2
                    g[11] += gNewS * rest * (power - 1)
                    g[12] += gNewS * longTerm * -log(d)
                    g[13] += gNewS * w[11] * rest * power * log(s + 1)
                    g[14] += gNewS * longTerm * (1 - r)
                    gS += gNewS * w[11] * rest * w[13] * power / (s + 1)
                    gD += gNewS * longTerm * (-w[12] / d)
                    gR += gNewS * longTerm * -w[14]
                }
            case .success:
                let increase = c.a
                let sPower = c.b
                let recallExp = c.e1
                let hard = rating == 2 ? w[15] : 1
                let easy = rating == 4 ? w[16] : 1
                let gIncrease = gNewS * s
                gS += gNewS * (increase + 1) + gIncrease * increase * (-w[9] / s)
                // increase = e^w8 · (11 − D) · S^−w9 · (e^((1−R)·w10) − 1) · hard · easy
                let withoutRecall = expW8 * (11 - d) * sPower * hard * easy
                let withoutDifficulty = expW8 * sPower * (recallExp - 1) * hard * easy
                gD += -(gIncrease * withoutDifficulty)
                gR += gIncrease * withoutRecall * (-w[10] * recallExp)
                g[8] += gIncrease * increase
                g[9] += gIncrease * increase * -log(s)
                g[10] += gIncrease * withoutRecall * ((1 - r) * recallExp)
                if rating == 2 { g[15] += gIncrease * expW8 * (11 - d) * sPower * (recallExp - 1) }
                if rating == 4 { g[16] += gIncrease * expW8 * (11 - d) * sPower * (recallExp - 1) }
            case .initial:
                break
            }
        }
        if c.difficultyPasses && gOutD != 0 {
            let gMean = gOutD
            let ratingOffset = Double(rating - 3)
            let change = -w[6] * ratingOffset
            let damped = d + (10 - d) * change / 9
            g[7] += gMean * (easyDifficulty - damped)
            g[4] += gMean * w[7]
            g[5] += gMean * w[7] * -3 * exp3W5
            let gDamped = gMean * (1 - w[7])
            g[6] += gDamped * (10 - d) * -ratingOffset / 9
            gD += gDamped * (1 - change / 9)
        }
        if gR != 0 {
            let t = c.t
            let base = c.base
            gS += gR * r * decay / base * (-t * factor / (s * s))
            let dRdDecay = r * (log(base) + decay / base * (t / s * factorSlope))
            g[20] += -gR * dRdDecay
        }
        return (gS, gD)
    }

    /// The retrievability predicted for each review of a card after its first, written to
    /// `predictions[i]` (forward pass only).
    func predict(
        deltas: UnsafePointer<Int32>, ratings: UnsafePointer<UInt8>, start: Int, count: Int,
        into predictions: UnsafeMutablePointer<Double>
    ) {
        var s = 0.0
        var d = 0.0
        for position in 0..<count {
            let index = start + position
            let (step, nextS, nextD) = self.step(
                s: s, d: d, first: position == 0, delta: deltas[index], rating: Int(ratings[index]))
            if position > 0 { predictions[index] = step.r }
            (s, d) = (nextS, nextD)
        }
    }
}
