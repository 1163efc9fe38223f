/// A small, fast, seedable random number generator (SplitMix64).
///
/// Study uses it wherever chance is involved — shuffling choices, picking quiz questions —
/// so that a run is reproducible from its seed: the same seed always gives the same
/// sequence, on every platform and Swift version (the shuffle in ``shuffled(_:)`` is our
/// own Fisher–Yates, not the standard library's, whose draws are not guaranteed stable).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// Creates a generator whose sequence is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (`bound` must be positive), without modulo bias.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        // Lemire's rejection: discard the few draws that would bias the low values.
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            let product = value.multipliedFullWidth(by: limit)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// The elements of `elements` in a uniformly random order (Fisher–Yates).
    public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        var index = result.count - 1
        while index > 0 {
            let other = nextInt(below: index + 1)
            result.swapAt(index, other)
            index -= 1
        }
        return result
    }
}
