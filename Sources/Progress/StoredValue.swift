import Foundation
import Scheduling

/// Checks each value read from the store before recall uses it: a value out of range (a row
/// edited by hand, a damaged file) is a `StateDecodingError`, reported as a damaged store,
/// never a trap further on (an index out of range, an overflow, a conversion that fails).
enum StoredValue {
    /// The times the store may hold, in Unix milliseconds: years 1 to 9999.
    static let times: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999
    /// Counts (reps, lapses, positions, durations) the store may hold.
    static let counts: ClosedRange<Int64> = 0...(1 << 40)
    /// (Re)learning steps: far more than anyone sets.
    static let steps: ClosedRange<Int64> = 0...10_000
    /// Stability (days) or an SM-2 interval, difficulty or an SM-2 ease.
    static let reals: ClosedRange<Double> = 0...1e9

    /// A time column's value as a date.
    static func time(_ value: Int64, _ name: String) throws(StateDecodingError) -> Date {
        guard times.contains(value) else { throw StateDecodingError(detail: "\(name) \(value) is not a time") }
        return Date(unixMilliseconds: value)
    }

    /// A count column's value.
    static func count(_ value: Int64, _ name: String) throws(StateDecodingError) -> Int {
        guard counts.contains(value) else { throw StateDecodingError(detail: "\(name) \(value) is out of range") }
        return Int(value)
    }

    /// A real column's value.
    static func real(_ value: Double?, _ name: String) throws(StateDecodingError) -> Double? {
        guard let value else { return nil }
        guard reals.contains(value) else { throw StateDecodingError(detail: "\(name) \(value) is out of range") }
        return value
    }

    /// The card state in the eight state columns (`prefix` names them in messages), or `nil`
    /// when `phase` is NULL (a practice answer's `after`).
    static func state(
        phase: String?, step: Int64?, stability: Double?, difficulty: Double?, due: Int64?, lastReview: Int64?,
        reps: Int64?, lapses: Int64?, prefix: String = ""
    ) throws(StateDecodingError) -> CardState? {
        guard let phase else { return nil }
        guard let cardPhase = CardPhase(rawValue: phase) else {
            throw StateDecodingError(detail: "unknown card phase \"\(phase)\"")
        }
        guard let due else { throw StateDecodingError(detail: "a card state without \(prefix)due") }
        if let step, !steps.contains(step) { throw StateDecodingError(detail: "\(prefix)step \(step) is out of range") }
        return CardState(
            phase: cardPhase, step: step.map { Int($0) },
            stability: try real(stability, prefix + "stability"),
            difficulty: try real(difficulty, prefix + "difficulty"),
            due: try time(due, prefix + "due"),
            lastReview: try lastReview.map { value throws(StateDecodingError) in try time(value, prefix + "last_review")
            },
            reps: try count(reps ?? 0, prefix + "reps"), lapses: try count(lapses ?? 0, prefix + "lapses"))
    }
}
