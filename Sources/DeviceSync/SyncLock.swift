import Foundation

/// An exclusive `flock` next to the store, so two syncs of one store (the REPL's background
/// sync and a `recall sync` in another terminal) take turns.
final class SyncLock {
    private var descriptor: Int32

    /// Takes the lock at `path`, waiting for another holder.
    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                descriptor = -1
                throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Releases the lock.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
