/// Why the progress store could not be opened, read or written, with a message a user can act on.
///
/// Every case names the store's path. When opening fails the file is left exactly as it
/// was; when a write fails its transaction is rolled back, so nothing is half-written.
public enum ProgressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not a recall progress store (`detail` says what it is instead).
    case notARecallStore(path: String, detail: String)
    /// The store was written by a newer version of recall (it has schema versions this one does not know).
    case newerVersion(path: String)
    /// The store was written by an older version of recall and a read-only open cannot upgrade it.
    case olderVersion(path: String)
    /// `PRAGMA quick_check` (or SQLite itself) found the file damaged.
    case damaged(path: String, report: String)
    /// There is no store at the path (only when opening read-only).
    case notFound(path: String)
    /// The store, or the folder it is in, cannot be written to.
    case readOnly(path: String, detail: String)
    /// The store (or its folder) could not be created.
    case cannotCreate(path: String, reason: String)
    /// The store could not be opened for a reason not covered above.
    case cannotOpen(path: String, reason: String)
    /// A write failed and was rolled back (a full disk, an I/O error, a read-only file).
    case writeFailed(path: String, reason: String)
    /// Another process held the store locked for longer than the busy timeout.
    case busy(path: String, seconds: Int)
    /// The item was never registered with `sync` in this store.
    case unknownItem(deckID: String, key: String)
    /// There is no answer left to undo.
    case nothingToUndo
    /// The last answer cannot be undone because its card was answered again since, elsewhere.
    case undoConflict(deckID: String, key: String)
    /// A stored value is out of range or cannot be read back (a row edited by hand, a damaged
    /// file): the store is reported as damaged.
    case invalidValue(path: String, detail: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .notARecallStore(let path, let detail):
            "cannot open progress store \(path): it is not a recall progress store (\(detail)); "
                + "move it aside or pass another path with --store"
        case .newerVersion(let path):
            "cannot open progress store \(path): it was written by a newer version of recall; "
                + "upgrade recall to use it"
        case .olderVersion(let path):
            "cannot read progress store \(path): it was written by an older version of recall; "
                + "run `recall study` once to upgrade it"
        case .damaged(let path, let report):
            "cannot open progress store \(path): it is damaged (quick_check: \(report)); "
                + "restore a backup or move it aside to start afresh"
        case .notFound(let path):
            "no progress store at \(path): nothing has been studied with it yet"
        case .readOnly(let path, let detail):
            "cannot write to progress store \(path): \(detail)"
        case .cannotCreate(let path, let reason):
            "cannot create progress store \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            "cannot open progress store \(path): \(reason)"
        case .writeFailed(let path, let reason):
            "cannot save to progress store \(path): \(reason); nothing was written"
        case .busy(let path, let seconds):
            "progress store \(path) is locked by another recall process (waited \(seconds) s); try again"
        case .unknownItem(let deckID, let key):
            "card \"\(key)\" of deck \"\(deckID)\" is not in the progress store"
        case .nothingToUndo:
            "nothing to undo"
        case .undoConflict(let deckID, let key):
            "cannot undo the answer to \"\(key)\" of deck \"\(deckID)\": it was answered again since in another session"
        case .invalidValue(let path, let detail):
            "cannot read progress store \(path): it is damaged (\(detail)); "
                + "restore a backup or move it aside to start afresh"
        }
    }
}
