import Foundation

/// A remembered pass of the integrity check: the state of the store's files when it passed,
/// kept beside the store in `PATH-checked`, so that commands opening an unchanged store do
/// not read the whole file again.
///
/// The state is the database file's device, inode, size, modification and change times, and
/// the same of its WAL (or its absence, an empty WAL counting as none). Any write by any program changes one of them, so a
/// store changed since the check is checked again. A mark is trusted for a day at most, so
/// every store is still read whole at least daily. On a file system whose times have whole
/// seconds only, a mark is not made within two seconds of the last change (a change in the
/// same second could not be told apart). The mark is a cache: when it cannot be read or
/// written, the check simply runs.
struct IntegrityMark: Equatable, Sendable {
    /// How long a mark is trusted, in seconds.
    static let lifetime: TimeInterval = 86_400

    /// What is remembered of one file.
    struct FileState: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec

        static func == (lhs: FileState, rhs: FileState) -> Bool {
            lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
                && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
        }

        /// The state of the file at `path`, or `nil` when it does not exist.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = info.st_mtim
            changed = info.st_ctim
        }

        init(device: UInt64, inode: UInt64, size: Int64, modified: timespec, changed: timespec) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }

        var fields: [String] {
            [device, inode].map(String.init) + [String(size)]
                + [modified.tv_sec, modified.tv_nsec, changed.tv_sec, changed.tv_nsec].map { String($0) }
        }

        init?(fields: ArraySlice<Substring>) {
            guard fields.count == 7, let device = UInt64(fields[fields.startIndex]),
                let inode = UInt64(fields[fields.startIndex + 1]), let size = Int64(fields[fields.startIndex + 2])
            else { return nil }
            let times = fields.dropFirst(3).compactMap { Int($0) }
            guard times.count == 4 else { return nil }
            self.init(
                device: device, inode: inode, size: size, modified: timespec(tv_sec: times[0], tv_nsec: times[1]),
                changed: timespec(tv_sec: times[2], tv_nsec: times[3]))
        }
    }

    /// The database file.
    var database: FileState
    /// Its WAL, `nil` when there is none.
    var wal: FileState?

    /// The state of the store at `path` now, or `nil` when it does not exist.
    init?(store path: String) {
        guard let database = FileState(path: path) else { return nil }
        self.database = database
        // An empty WAL (SQLite makes one when a connection opens) holds nothing: as if none.
        wal = FileState(path: path + "-wal").flatMap { $0.size > 0 ? $0 : nil }
    }

    init(database: FileState, wal: FileState?) {
        self.database = database
        self.wal = wal
    }

    /// Where the mark of the store at `path` is kept.
    static func markPath(_ path: String) -> String { path + "-checked" }

    /// The first word of a mark file, with the format's version.
    private static let header = "recall-integrity-mark 1"

    /// Whether a mark made for this state is on file and still trusted at `now`.
    static func isRemembered(_ state: IntegrityMark, path: String, now: Date = Date()) -> Bool {
        guard let data = FileManager.default.contents(atPath: markPath(path)), data.count < 1_024 else { return false }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count == 4, lines[0] == header, let checkedAt = TimeInterval(lines[1]),
            let database = FileState(fields: lines[2].split(separator: " ")[...])
        else { return false }
        let wal = lines[3] == "-" ? nil : FileState(fields: lines[3].split(separator: " ")[...])
        guard lines[3] == "-" || wal != nil else { return false }
        let age = now.timeIntervalSince1970 - checkedAt
        return age >= 0 && age < lifetime && IntegrityMark(database: database, wal: wal) == state
    }

    /// Remembers that the store at `path`, in `state`, passed the check (when it still is in
    /// that state). Failures are ignored: the check then runs again next time.
    static func remember(_ state: IntegrityMark, path: String, now: Date = Date()) {
        guard IntegrityMark(store: path) == state else { return }
        // Whole-second times: a change later in this same second would look the same.
        let times = [state.database.modified, state.wal?.modified].compactMap { $0 }
        if times.allSatisfy({ $0.tv_nsec == 0 }),
            let latest = times.map(\.tv_sec).max(), now.timeIntervalSince1970 - TimeInterval(latest) < 2
        {
            return
        }
        let text = [
            header, String(now.timeIntervalSince1970), state.database.fields.joined(separator: " "),
            state.wal?.fields.joined(separator: " ") ?? "-",
        ].joined(separator: "\n")
        let mark = markPath(path)
        let temporary = mark + ".\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((text + "\n").utf8)) else { return }
        if rename(temporary, mark) != 0 { unlink(temporary) }
    }

    /// Forgets any mark of the store at `path` (after the check failed).
    static func forget(path: String) {
        unlink(markPath(path))
    }
}
