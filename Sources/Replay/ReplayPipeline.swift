import Foundation
import Scheduling

/// Parses and replays a history at the same time, on two threads: one parses and checks the
/// rows while the other replays the rows parsed so far and formats the output.
///
/// Nothing reaches the sink before the whole file has parsed without error (until then the
/// replayed states are kept, 32 bytes a review, and formatted afterwards), so a malformed
/// row still prints no rows. When a card's rows
/// turn out not to be in time order, the replay starts over with every card's rows sorted.
/// This is recall's one replay path; its output is that of every card's reviews applied in
/// time order with ``Scheduler/review(_:rating:at:)`` (the tests check it against that plain loop).
public enum ReplayPipeline {
    /// Parses `source` (CSV; `file` names it in errors), replays it with `scheduler` and
    /// writes the output to `sink`.
    ///
    /// - Throws: ``ReviewHistoryError`` at the first malformed line (nothing is written).
    public static func run<S: Scheduler>(
        csv source: [UInt8], file: String, scheduler: S, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(ReviewHistoryError) {
        try source.withUnsafeBufferPointer { bytes throws(ReviewHistoryError) in
            try run(csv: bytes, file: file, scheduler: scheduler, to: sink)
        }
    }

    /// Parses `bytes` (CSV, such as a memory-mapped file; `file` names it in errors), replays
    /// it with `scheduler` and writes the output to `sink`.
    ///
    /// - Throws: ``ReviewHistoryError`` at the first malformed line (nothing is written).
    public static func run<S: Scheduler>(
        csv bytes: UnsafeBufferPointer<UInt8>, file: String, scheduler: S,
        to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(ReviewHistoryError) {
        guard bytes.count < Int(Int32.max) else {
            throw ReviewHistoryError(file: file, line: 1, message: "the history is larger than 2 GiB")
        }
        let layout = try ReviewHistory.parseHeader(bytes, file: file).get()
        // Only now that the header is known good: a file that is not a history is not read whole.
        MemoryTouch.populate(bytes)
        let channel = ParseChannel()
        var streamed = false
        let capacity = ReviewHistory.rowCapacity(bytes)
        let echo = UnsafeMutableBufferPointer<ReviewHistory.EchoFields>.allocate(capacity: capacity)
        defer { echo.deallocate() }
        MemoryTouch.adviseHugePages(
            echo.baseAddress, byteCount: capacity * MemoryLayout<ReviewHistory.EchoFields>.stride)
        let reviews = [ReviewHistory.Review](unsafeUninitializedCapacity: capacity) { buffer, count in
            MemoryTouch.adviseHugePages(
                buffer.baseAddress, byteCount: capacity * MemoryLayout<ReviewHistory.Review>.stride)
            let shared = UncheckedSendable(value: (bytes, buffer, echo))
            Thread {
                let (bytes, buffer, echo) = shared.value
                let result = ReviewHistory.parseRows(bytes, layout: layout, file: file, into: buffer, echo: echo) {
                    channel.publish($0)
                }
                channel.finish(result)
            }.start()
            streamed = stream(
                bytes, reviews: UnsafeBufferPointer(buffer), echo: UnsafeBufferPointer(echo),
                channel: channel, scheduler: scheduler, sink: sink)
            // The parser has finished (and no longer touches the buffers) once there is a result.
            count = channel.waitForResult().count
        }
        let summary = try channel.waitForResult().result.get()
        if !streamed {
            let history = ReviewHistory(source: Array(bytes), reviews: reviews, summary: summary, layout: layout)
            ReplayWriter.write(history, outcomes: Replay.run(history, scheduler: scheduler), to: sink)
        }
    }

    /// Replays the reviews in file order as they are parsed; `false` when it gave up (a
    /// parse error, or a card's rows out of time order) without writing anything.
    private static func stream<S: Scheduler>(
        _ bytes: UnsafeBufferPointer<UInt8>, reviews: UnsafeBufferPointer<ReviewHistory.Review>,
        echo: UnsafeBufferPointer<ReviewHistory.EchoFields>, channel: ParseChannel, scheduler: S,
        sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        var states: [CardState?] = []
        states.reserveCapacity(reviews.count)  // No more cards than rows; untouched pages cost nothing.
        states.withUnsafeMutableBufferPointer {
            MemoryTouch.adviseHugePages($0.baseAddress, byteCount: reviews.count * MemoryLayout<CardState?>.stride)
        }
        // The outcomes of the reviews replayed before the parse is known to have succeeded.
        var pending: [Replay.Outcome] = []
        pending.reserveCapacity(reviews.count)  // Room for every row; untouched pages cost nothing.
        pending.withUnsafeMutableBufferPointer {
            MemoryTouch.adviseHugePages($0.baseAddress, byteCount: reviews.count * MemoryLayout<Replay.Outcome>.stride)
        }
        var buffer = FlushingBuffer(capacity: 1 << 18, sink: sink)
        var writing = false
        defer { buffer.close() }  // Writes nothing unless the parse succeeded.
        var available = 0
        var index = 0
        var touched: UInt8 = 0
        defer { MemoryTouch.keep(touched) }
        while true {
            if index == available || index & 0x3FFF == 0 {
                let progress = index == available ? channel.wait(beyond: index) : channel.poll()
                switch progress.result {
                case .failure?: return false
                case .success(let summary)? where !writing:
                    // Rows out of time order may lie ahead: leave them to the sorting replay.
                    guard summary.isChronological else { return false }
                    writing = true
                    ReplayWriter.appendHeader(to: &buffer)
                    for (row, outcome) in pending.enumerated() {
                        appendRow(row, outcome, bytes: bytes, reviews: reviews, echo: echo, to: &buffer)
                    }
                    pending = []
                default: break
                }
                available = progress.count
                if index == available { break }
            }
            // Every 16 rows, load the states of the cards of the next 16 rows at once: cards are
            // scattered over the states, and 16 independent cache misses overlap.
            if index & 15 == 0 && index + 32 <= available {
                touched &+= states.withUnsafeBytes { raw in
                    var sum: UInt8 = 0
                    for ahead in index + 16..<index + 32 {
                        let card = Int(reviews[ahead].card)
                        if card < states.count {  // Both ends: a state may straddle two cache lines.
                            sum &+= raw.load(fromByteOffset: card * MemoryLayout<CardState?>.stride, as: UInt8.self)
                            sum &+= raw.load(
                                fromByteOffset: (card + 1) * MemoryLayout<CardState?>.stride - 1, as: UInt8.self)
                        }
                    }
                    return sum
                }
            }
            let review = reviews[index]
            let card = Int(review.card)
            if card == states.count { states.append(nil) }
            let now = Date(timeIntervalSince1970: Double(review.time) / 1e6)
            let previous = states[card]
            // (Distinct microseconds stay distinct as dates, so this is the file's time order.)
            if let last = previous?.lastReview, now < last { return false }
            let reviewed = scheduler.review(previous ?? CardState.new(due: now), rating: review.rating, at: now)
            states[card] = reviewed
            if writing {
                appendRow(index, Replay.Outcome(reviewed), bytes: bytes, reviews: reviews, echo: echo, to: &buffer)
            } else {
                pending.append(Replay.Outcome(reviewed))
            }
            index += 1
        }
        return true
    }

    private static func appendRow(
        _ index: Int, _ outcome: Replay.Outcome, bytes: UnsafeBufferPointer<UInt8>,
        reviews: UnsafeBufferPointer<ReviewHistory.Review>, echo: UnsafeBufferPointer<ReviewHistory.EchoFields>,
        to buffer: inout FlushingBuffer
    ) {
        let fields = echo[index]
        let cardID = UnsafeBufferPointer(
            rebasing: bytes[Int(fields.cardStart)..<Int(fields.cardStart) + Int(fields.cardLength)])
        let time = UnsafeBufferPointer(
            rebasing: bytes[Int(fields.timeStart)..<Int(fields.timeStart) + Int(fields.timeLength)])
        ReplayWriter.appendRow(reviews[index], outcome, cardID: cardID, time: time, to: &buffer)
    }
}

/// Hands a value across threads; the code using it guarantees the access is safe.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// The parser's progress, shared between the parsing and the replaying threads.
private final class ParseChannel: @unchecked Sendable {
    typealias Progress = (count: Int, result: Result<ReviewHistory.RowSummary, ReviewHistoryError>?)

    private let condition = NSCondition()
    private var count = 0
    private var result: Result<ReviewHistory.RowSummary, ReviewHistoryError>?

    /// Called by the parser: the first `count` reviews are written.
    func publish(_ count: Int) {
        condition.lock()
        self.count = count
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the parser when it is done.
    func finish(_ result: Result<ReviewHistory.RowSummary, ReviewHistoryError>) {
        condition.lock()
        self.result = result
        condition.broadcast()
        condition.unlock()
    }

    /// The progress now.
    func poll() -> Progress {
        condition.lock()
        defer { condition.unlock() }
        return (count, result)
    }

    /// Waits until more than `seen` reviews are written or the parser is done.
    func wait(beyond seen: Int) -> Progress {
        condition.lock()
        defer { condition.unlock() }
        while count <= seen && result == nil { condition.wait() }
        return (count, result)
    }

    /// Waits until the parser is done.
    func waitForResult() -> (count: Int, result: Result<ReviewHistory.RowSummary, ReviewHistoryError>) {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return (count, result ?? .success(.init()))
    }
}
