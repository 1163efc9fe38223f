import Foundation

/// Where the random spread of review intervals ("fuzz") comes from.
///
/// Schedulers stay pure functions of (state, rating, time): instead of a global random
/// generator, the fuzz of a review is drawn from a seeded SplitMix64 generator whose state
/// mixes the caller's seed with the review time and the card's state (its due date, last
/// review and review count). The same review therefore always gets the same fuzz, so undo
/// and replays are exact even with fuzz on, while different cards and reviews spread out.
/// Use `.off` for reference parity (py-fsrs with `enable_fuzzing=False`), replays and tests.
public struct Fuzz: Sendable, Hashable, Codable {
    /// The seed, or `nil` when fuzz is off.
    public let seed: UInt64?

    /// No fuzz: intervals are exactly the computed ones.
    public static let off = Fuzz(seed: nil)

    /// Fuzz drawn deterministically from `seed` (a per-user or per-deck seed is typical).
    public static func seeded(_ seed: UInt64) -> Fuzz {
        Fuzz(seed: seed)
    }

    /// Whether fuzz is applied at all.
    public var isOn: Bool { seed != nil }

    /// A number uniformly distributed in [0, 1) for reviewing `state` at `now`, or `nil` when off.
    public func unitValue(for state: CardState, at now: Date) -> Double? {
        guard let seed else { return nil }
        var generator = SplitMix64(seed: seed)
        generator.mix(now.timeIntervalSinceReferenceDate.bitPattern)
        generator.mix(state.due.timeIntervalSinceReferenceDate.bitPattern)
        generator.mix((state.lastReview?.timeIntervalSinceReferenceDate ?? -1).bitPattern)
        generator.mix(UInt64(truncatingIfNeeded: state.reps))
        return Double(generator.next() >> 11) * 0x1.0p-53
    }
}

/// SplitMix64 (Steele, Lea and Flood): a tiny, fast, well-mixed seeded generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// Folds more entropy into the generator's state.
    public mutating func mix(_ value: UInt64) {
        state = (state ^ value) &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
