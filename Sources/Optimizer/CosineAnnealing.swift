import Foundation

/// The cosine-annealed learning rate, stepped once per batch (PyTorch's recursive
/// `CosineAnnealingLR` with a minimum of 0, as fsrs-rs uses it).
struct CosineAnnealing {
    let steps: Double
    let initial: Double
    private var count = -1.0
    private var current: Double

    init(steps: Double, initial: Double) {
        self.steps = steps
        self.initial = initial
        current = initial
    }

    /// The learning rate for the next batch.
    mutating func next() -> Double {
        count += 1
        if count == 0 {
            current = initial
        } else if (count - 1 - steps).truncatingRemainder(dividingBy: 2 * steps) == 0 {
            current = initial * (1 - cos(Double.pi / steps)) / 2
        } else {
            current = (1 + cos(Double.pi * count / steps)) / (1 + cos(Double.pi * (count - 1) / steps)) * current
        }
        return current
    }
}
