import Foundation

/// Values made on a helper thread and used, in the same order, on the calling thread: so
/// that a large import replays its review history (FSRS) on one core while the other writes
/// the answers into the store.
///
/// The helper works at most `depth` batches ahead, so memory stays bounded. When the
/// consumer throws, the helper is told to stop and waited for before the error goes on.
final class BatchPipeline<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var finished = false
    private var cancelled = false
    private let depth: Int

    private init(depth: Int) {
        self.depth = depth
    }

    /// Runs `produce` on a helper thread, which hands each value to the function it is given
    /// (that returns `false` once the consumer has given up: `produce` should then return),
    /// and `consume` on every value, in order, on the calling thread.
    static func run(
        batchSize: Int = 4_096, depth: Int = 4,
        produce: @escaping @Sendable (_ push: (Element) -> Bool) -> Void,
        consume: (Element) throws -> Void
    ) throws {
        let pipeline = BatchPipeline(depth: depth)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var batch: [Element] = []
            batch.reserveCapacity(batchSize)
            produce { value in
                batch.append(value)
                guard batch.count >= batchSize else { return true }
                defer { batch.removeAll(keepingCapacity: true) }
                return pipeline.hand(batch)
            }
            if !batch.isEmpty { _ = pipeline.hand(batch) }
            pipeline.finish()
            done.signal()
        }
        thread.start()
        do {
            while let batch = pipeline.take() {
                for value in batch { try consume(value) }
            }
        } catch {
            pipeline.cancel()
            done.wait()
            throw error
        }
        done.wait()
    }

    /// Adds a batch, waiting while `depth` are waiting already; `false` when cancelled.
    private func hand(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The producer is done.
    private func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; `nil` once the producer is done and all are taken.
    private func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// The consumer gave up: the producer stops at its next batch.
    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
