import Foundation
import Progress

/// Reads the store's review log on a thread of its own, a batch at a time, while the
/// exporter writes the collection: reading a million answers (SQLite steps and the checks of
/// each value) and inserting them into the collection then run side by side.
///
/// The reader runs at most `maximumQueued` batches ahead. Call ``next()`` until it returns
/// `nil` (it rethrows the reader's error), and ``stop()`` before leaving in every case: it
/// ends the reader early if needed and waits for it, so that nothing touches the store after.
final class ReviewOutlineFeed: @unchecked Sendable {
    private let batchSize: Int
    private let maximumQueued: Int

    // Everything below is only touched with `condition` locked.
    private let condition = NSCondition()
    private var queued: [[ReviewOutline]] = []
    private var ended = false
    private var failure: (any Error)?
    private var stopped = false

    /// Starts reading `store`'s log (of the decks `deckIDs`, every deck when `nil`),
    /// `batchSize` answers per batch, with at most `maximumQueued` batches waiting.
    init(_ store: ProgressStore, deckIDs: [String]? = nil, batchSize: Int = 4_096, maximumQueued: Int = 32) {
        self.batchSize = max(batchSize, 1)
        self.maximumQueued = max(maximumQueued, 1)
        let thread = Thread { [self] in
            var batch: [ReviewOutline] = []
            batch.reserveCapacity(self.batchSize)
            do {
                try store.forEachReviewOutline(deckIDs: deckIDs) { outline in
                    batch.append(outline)
                    if batch.count == self.batchSize {
                        try put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try put(batch) }
                end(nil)
            } catch {
                end(error)
            }
        }
        thread.start()
    }

    /// The next batch, oldest first; `nil` once the log is read.
    func next() throws -> [ReviewOutline]? {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty && !ended { condition.wait() }
        if !queued.isEmpty {
            condition.broadcast()
            return queued.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Ends the reader if it is still reading, and waits until it has left the store.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !ended { condition.wait() }
    }

    private func put(_ batch: [ReviewOutline]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= maximumQueued && !stopped { condition.wait() }
        if stopped { throw CancellationError() }
        queued.append(batch)
        condition.broadcast()
    }

    private func end(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        ended = true
        failure = error
        condition.broadcast()
    }
}
