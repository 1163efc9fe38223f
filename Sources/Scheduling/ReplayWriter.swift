import Foundation

/// Prints a replay as CSV: `card_id,review_time,rating,state,step,stability,difficulty,due`,
/// one row per review in file order. The card id and time are echoed as written; stability and
/// difficulty get 6 decimals (correctly rounded, as Python's `f"{x:.6f}"`); `due` is UTC to the
/// second. The bytes go to `sink` in chunks of about 256 KiB, so the caller decides where.
public enum ReplayWriter {
    /// The header row.
    public static let header = "card_id,review_time,rating,state,step,stability,difficulty,due\n"

    /// Writes the header and every row of `history` with its `outcomes` to `sink`.
    public static func write(
        _ history: ReviewHistory, outcomes: [Replay.Outcome], to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var buffer: [UInt8] = []
        let chunk = 1 << 18
        buffer.reserveCapacity(chunk + 256)
        buffer.append(contentsOf: header.utf8)
        for (review, outcome) in zip(history.reviews, outcomes) {
            history.source.withUnsafeBufferPointer { source in
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[Int(review.cardIDBytes.lowerBound)..<Int(review.cardIDBytes.upperBound)]))
                buffer.append(0x2C)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[Int(review.timeBytes.lowerBound)..<Int(review.timeBytes.upperBound)]))
            }
            buffer.append(0x2C)
            buffer.append(UInt8(48 + review.rating.rawValue))
            buffer.append(0x2C)
            buffer.append(contentsOf: phaseNames[outcome.phase.index])
            buffer.append(0x2C)
            if let step = outcome.step { appendInteger(Int64(step), to: &buffer) }
            buffer.append(0x2C)
            appendFixed6(outcome.stability, to: &buffer)
            buffer.append(0x2C)
            appendFixed6(outcome.difficulty, to: &buffer)
            buffer.append(0x2C)
            Timestamp.appendUTC(seconds: outcome.dueSeconds, to: &buffer)
            buffer.append(0x0A)
            if buffer.count >= chunk {
                buffer.withUnsafeBufferPointer(sink)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.withUnsafeBufferPointer(sink)
    }

    private static let phaseNames: [[UInt8]] = ["new", "learning", "review", "relearning"].map { Array($0.utf8) }

    /// Appends a decimal integer.
    static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(0x2D) }
        var magnitude = value.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
    }

    /// Appends `value` with exactly 6 decimals, correctly rounded (half to even on the exact
    /// binary value, like C's and Python's `%.6f`).
    static func appendFixed6(_ value: Double, to output: inout [UInt8]) {
        // Fast path: x · 10⁶ is exact to within 2⁻¹³ here, so unless its fraction is near ½
        // the integer rounding gives the correctly rounded decimal.
        if value >= 0 && value < 1e6 {
            let scaled = value * 1e6
            let fraction = scaled - scaled.rounded(.down)
            if abs(fraction - 0.5) > 1e-3 {
                let micros = Int64(scaled.rounded())
                appendInteger(micros / 1_000_000, to: &output)
                output.append(0x2E)
                var rest = micros % 1_000_000
                var divisor: Int64 = 100_000
                while divisor > 0 {
                    output.append(UInt8(48 + rest / divisor))
                    rest %= divisor
                    divisor /= 10
                }
                return
            }
        }
        output.append(contentsOf: String(format: "%.6f", value).utf8)
    }
}

extension CardPhase {
    /// The position of the phase in `allCases`.
    fileprivate var index: Int {
        switch self {
        case .new: 0
        case .learning: 1
        case .review: 2
        case .relearning: 3
        }
    }
}
