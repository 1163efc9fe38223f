import Foundation

/// Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8) over the 21 weights.
struct Adam {
    private var m = [Double](repeating: 0, count: 21)
    private var v = [Double](repeating: 0, count: 21)
    private var t = 0.0

    /// Moves `weights` against `gradient` with learning rate `rate`.
    mutating func step(_ weights: inout [Double], gradient: [Double], rate: Double) {
        t += 1
        let correction1 = 1 - pow(0.9, t)
        let correction2 = 1 - pow(0.999, t)
        for i in 0..<21 {
            m[i] = 0.9 * m[i] + (1 - 0.9) * gradient[i]
            v[i] = 0.999 * v[i] + (1 - 0.999) * gradient[i] * gradient[i]
            weights[i] -= rate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + 1e-8)
        }
    }
}
