import Foundation
import GRDB

/// Copies the WAL back into the database file on a background thread, so that no answer
/// waits for a checkpoint.
///
/// The store's own connection runs with `wal_autocheckpoint = 0`: SQLite would otherwise
/// checkpoint inside the commit that crosses 1 000 WAL pages, writing and syncing megabytes
/// while the user waits for the next question. Every `interval` commits this starts a
/// PASSIVE checkpoint on a second connection, which never blocks the writer; SQLite also
/// checkpoints when the last connection closes.
final class Checkpointer: @unchecked Sendable {
    /// Commits between two checkpoints (about 6 WAL pages each, so some 2.4 MB of WAL).
    static let interval = 100

    private let path: String
    /// Told about each checkpoint, which changes the store's file (see `IntegrityCheck`).
    private let integrity: IntegrityCheck
    // `commits`, `running` and `connection` are only touched with `lock` held (the
    // connection is used by one checkpoint at a time).
    private let lock = NSLock()
    private var commits = 0
    private var running = false
    private var connection: DatabaseQueue?

    /// A checkpointer for the store at `path`, whose integrity check is `integrity`.
    init(path: String, integrity: IntegrityCheck) {
        self.path = path
        self.integrity = integrity
    }

    /// Closes the checkpointer's connection (waiting for a checkpoint under way).
    func close() {
        lock.lock()
        while running {
            lock.unlock()
            usleep(1_000)
            lock.lock()
        }
        let queue = connection
        connection = nil
        lock.unlock()
        try? queue?.close()
    }

    /// Counts a commit, and starts a background checkpoint every `interval` of them.
    func noteCommit() {
        lock.lock()
        commits += 1
        let due = commits >= Self.interval && !running
        if due {
            commits = 0
            running = true
        }
        lock.unlock()
        guard due else { return }
        DispatchQueue.global(qos: .utility).async {
            self.checkpoint()
        }
    }

    /// Runs one PASSIVE checkpoint; failures are harmless (the WAL stays, and is checkpointed later).
    private func checkpoint() {
        lock.lock()
        let existing = connection
        lock.unlock()
        var queue = existing
        if queue == nil {
            var configuration = Configuration()
            configuration.busyMode = .timeout(ProgressStore.busyTimeout)
            configuration.label = "recall.progress.checkpoint"
            queue = try? DatabaseQueue(path: path, configuration: configuration)
        }
        if let queue {
            integrity.noteChangeStarting()
            _ = try? queue.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            integrity.noteChangeFinished()
        }
        lock.lock()
        connection = queue
        running = false
        lock.unlock()
    }
}
