import Foundation

/// Flushes the store's WAL to disk on a background thread right after each commit.
///
/// With `synchronous = NORMAL`, a commit returns once the WAL frames are written to the
/// operating system, which is what survives a crash or a kill; syncing them to the disk
/// (what survives a power cut) costs 3 to 8 ms on the project's machines. This does that
/// sync off the answer path: one `fdatasync` of the WAL file right after the commit,
/// coalescing commits that arrive while a sync runs. An answer is therefore safe from a
/// kill when `record` returns and from a power cut a few milliseconds later.
final class WALSyncer: @unchecked Sendable {
    private let walPath: String
    private let queue = DispatchQueue(label: "recall.progress.wal-sync", qos: .userInitiated)
    // `scheduled` is only touched with `lock` held.
    private let lock = NSLock()
    private var scheduled = false

    /// A syncer for the store at `path` (its WAL is `path-wal`).
    init(path: String) {
        walPath = path + "-wal"
    }

    /// Schedules a sync of everything committed so far (one already scheduled covers it).
    func noteCommit() {
        lock.lock()
        let start = !scheduled
        scheduled = true
        lock.unlock()
        guard start else { return }
        queue.async {
            self.lock.lock()
            self.scheduled = false
            self.lock.unlock()
            self.sync()
        }
    }

    /// Waits until every commit noted so far has been synced.
    func flush() {
        queue.sync {}
    }

    /// `fdatasync` of the WAL file, opened afresh so a re-created WAL is never missed.
    private func sync() {
        let descriptor = open(walPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }  // no WAL: everything is in the database file
        _ = fdatasync(descriptor)
        close(descriptor)
    }
}
