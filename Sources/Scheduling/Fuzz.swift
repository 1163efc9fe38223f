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
