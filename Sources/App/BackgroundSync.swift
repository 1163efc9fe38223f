import Decks
import Dispatch
import Foundation
import Progress

/// Brings the store in line with the decks on another thread, so the prompt appears
/// without waiting: on a large store the first write waits for the background integrity
/// check, which reads the whole file. Whatever needs the synced store calls `wait()`.
final class BackgroundSync: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?
    private var finished = false

    /// Starts syncing `decks` into `store`.
    init(store: ProgressStore, decks: [Deck], at now: Date) {
        DispatchQueue.global(qos: .userInitiated).async {
            var failure: (any Error)?
            do {
                for deck in decks { _ = try store.sync(deck, at: now) }
            } catch {
                failure = error
            }
            self.lock.withLock {
                self.failure = failure
                self.finished = true
            }
            self.done.signal()
        }
    }

    /// The sync's error if it has already failed; `nil` while it runs or once it succeeded.
    var failureSoFar: (any Error)? {
        lock.withLock { finished ? failure : nil }
    }

    /// Waits until the sync is over; throws its error if it failed.
    func wait() throws {
        let isFinished = lock.withLock { finished }
        if !isFinished {
            done.wait()
            done.signal()  // later calls return at once
        }
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
