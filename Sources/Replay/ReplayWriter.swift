import Foundation
import Scheduling

/// Prints a replayed history as CSV:
/// `card_id,review_time,rating,state,step,stability,difficulty,due`, one row per review in
/// file order. The card id and time are echoed as written; stability and difficulty get 6
/// decimals (correctly rounded, as Python's `f"{x:.6f}"`); `due` is UTC to the second. The
/// bytes go to `sink` in chunks of about 256 KiB, so the caller decides where they go.
public enum ReplayWriter {
    /// The header row.
    public static let header = "card_id,review_time,rating,state,step,stability,difficulty,due\n"

    /// Writes the header and every row of `history` with its `outcomes` (in file order) to `sink`.
    static func write(
        _ history: ReviewHistory, outcomes: [Replay.Outcome], to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var buffer = FlushingBuffer(capacity: 1 << 18, sink: sink)
        appendHeader(to: &buffer)
        history.source.withUnsafeBufferPointer { bytes in
            outcomes.withUnsafeBufferPointer { outcomes in
                var rows = ReviewHistory.RowScanner(bytes: bytes, layout: history.layout)
                for (review, outcome) in zip(history.reviews, outcomes) where rows.next() {
                    appendRow(review, outcome, rows: rows, bytes: bytes, to: &buffer)
                }
            }
        }
        buffer.close()
    }

    static func appendHeader(to buffer: inout FlushingBuffer) {
        Array(header.utf8).withUnsafeBufferPointer { header in
            buffer.reserve(header.count)
            buffer.append(contentsOf: header)
        }
    }

    static func appendRow(
        _ review: ReviewHistory.Review, _ outcome: Replay.Outcome, rows: ReviewHistory.RowScanner,
        bytes: UnsafeBufferPointer<UInt8>, to buffer: inout FlushingBuffer
    ) {
        appendRow(
            review, outcome, cardID: UnsafeBufferPointer(rebasing: bytes[rows.card]),
            time: UnsafeBufferPointer(rebasing: bytes[rows.time]), to: &buffer)
    }

    /// Appends one output row: the card id and time fields as written, then the outcome.
    static func appendRow(
        _ review: ReviewHistory.Review, _ outcome: Replay.Outcome, cardID: UnsafeBufferPointer<UInt8>,
        time: UnsafeBufferPointer<UInt8>, to buffer: inout FlushingBuffer
    ) {
        buffer.reserve(cardID.count + time.count + 160)
        buffer.append(contentsOf: cardID)
        buffer.append(0x2C)
        buffer.append(contentsOf: time)
        buffer.append(0x2C)
        buffer.append(UInt8(48 + review.rating.rawValue))
        buffer.append(0x2C)
        switch outcome.phase {
        case .new: buffer.appendASCII("new")
        case .learning: buffer.appendASCII("learning")
        case .review: buffer.appendASCII("review")
        case .relearning: buffer.appendASCII("relearning")
        }
        buffer.append(0x2C)
        if let step = outcome.step { buffer.appendDecimal(step) }
        buffer.append(0x2C)
        appendFixed6(outcome.stability, into: &buffer)
        buffer.append(0x2C)
        appendFixed6(outcome.difficulty, into: &buffer)
        buffer.append(0x2C)
        Timestamp.appendUTC(seconds: outcome.dueSeconds, into: &buffer)
        buffer.append(0x0A)
    }

    /// Appends `value` with exactly 6 decimals, correctly rounded (half to even on the exact
    /// binary value, like C's and Python's `%.6f`).
    static func appendFixed6(_ value: Double, to output: inout [UInt8]) {
        appendFixed6(value, into: &output)
    }

    static func appendFixed6<Sink: ByteSink>(_ value: Double, into output: inout Sink) {
        // Fast path: x · 10⁶ is exact to within 2⁻¹³ here, so unless its fraction is near ½
        // the integer rounding gives the correctly rounded decimal.
        if value >= 0 && value < 1e6 {
            let scaled = value * 1e6
            let whole = Int(scaled)  // Truncation: scaled ≥ 0.
            let fraction = scaled - Double(whole)
            if abs(fraction - 0.5) > 1e-3 {
                let micros = fraction > 0.5 ? whole + 1 : whole
                output.appendDecimal(micros / 1_000_000)
                output.append(0x2E)
                let rest = micros % 1_000_000
                output.appendTwoDigits(rest / 10_000)
                output.appendTwoDigits(rest / 100 % 100)
                output.appendTwoDigits(rest % 100)
                return
            }
        }
        for byte in String(format: "%.6f", value).utf8 { output.append(byte) }
    }
}
