import Foundation
import GRDB
import Scheduling

/// The SQLite file that keeps one user's study progress: what was seen, each item's
/// schedule, every answer, sessions and per-deck settings.
///
/// Every write is one `BEGIN IMMEDIATE` transaction, committed to the disk before the method
/// returns (WAL, `synchronous = FULL`): when `record` returns, the answer survives a crash, a
/// kill and a power cut. Several `recall` processes can share a store; a writer waits up to
/// `busyTimeout` for another.
///
/// Opening checks the file before anything writes to it: a file that is not a recall
/// store or one from a newer recall is refused with a `ProgressError` and left untouched;
/// `PRAGMA quick_check` runs in the background from the moment the store opens, and no
/// write happens before it has passed (see `verify()`).
public final class ProgressStore: Sendable {
    /// Whether the store is opened for writing.
    public enum Access: Sendable, Hashable {
        /// Read and write; creates the store (and its folder) when missing.
        case readWrite
        /// Read only; the store must exist. For exports and stats.
        case readOnly
    }

    /// How long a write waits for another process holding the store, in seconds.
    public static let busyTimeout: TimeInterval = 5

    /// The store's path.
    public let path: String
    /// How it was opened.
    public let access: Access
    /// Where study days start and end (04:00 local time by default).
    public let dayRollover: DayRollover
    /// Numbers the study days each answer is filed under (its review row's `study_day`).
    let studyDays: StudyDayNumber
    /// The one connection (serialised; WAL lets other processes read while it writes).
    let database: DatabaseQueue
    /// The `quick_check` of an existing store, running in the background; writes wait for it.
    let integrity: IntegrityCheck
    /// Checkpoints the WAL in the background, off the answer path.
    let checkpointer: Checkpointer

    /// Opens the store at `path`, creating it and its folder when missing (read-write only).
    ///
    /// - Throws: `ProgressError` when the file is not a recall store, is from a newer
    ///   recall, is damaged, cannot be written (read-write), or does not exist (read-only).
    public init(
        path: String, access: Access = .readWrite, dayRollover: DayRollover = DayRollover()
    ) throws {
        self.path = path
        self.access = access
        self.dayRollover = dayRollover
        let fileManager = FileManager.default
        let studyDays = StudyDayNumber(rollover: dayRollover)
        self.studyDays = studyDays
        var isDirectory: ObjCBool = false
        var existed = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed && isDirectory.boolValue {
            throw ProgressError.notARecallStore(path: path, detail: "it is a folder")
        }
        if !existed {
            guard access == .readWrite else { throw ProgressError.notFound(path: path) }
            try Self.createFolder(for: path)
            // Made whole beside it, then put in place: a kill never leaves a half-made store.
            existed = try !Self.create(at: path, migrator: StoreSchema.migrator(studyDays: studyDays))
        }
        if existed && access == .readWrite {
            try Self.checkWritable(path)
        }

        var configuration = Configuration()
        configuration.readonly = access == .readOnly
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "recall.progress"
        configuration.prepareDatabase { db in
            // Every commit waits until the WAL is on the disk (p99 1.4 ms per answer).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Checkpoints run on another connection (see Checkpointer), never inside a commit.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            // Statement journals and the sorts of index builds in memory, not in temporary
            // files: an import or merge of a million answers would otherwise write each
            // statement's undo journal to the disk. (It cannot change inside a transaction
            // once SQLite has opened its temporary database, so it is set here, once.)
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        // On read-only media (or in a folder this user cannot write), SQLite cannot create the
        // WAL index beside the store, so a plain read-only open fails: open it as immutable.
        let openingPath = access == .readOnly ? Self.readOnlyPath(path) : path
        do {
            database = try DatabaseQueue(path: openingPath, configuration: configuration)
        } catch {
            throw Self.openingError(error, path: path, creating: !existed)
        }
        var check: IntegrityCheck?
        do {
            if existed {
                // One snapshot, so a store another process is creating right now looks
                // either empty or complete, never half-made.
                try database.inDatabase { db in
                    try db.inTransaction(.deferred) {
                        try Self.inspect(db, path: path)
                        return .commit
                    }
                }
                check = IntegrityCheck.start(path: path, openingPath: openingPath, readWrite: access == .readWrite)
            }
            try Self.prepare(
                database, path: path, access: access, integrity: check ?? IntegrityCheck.passed(path: path, state: nil),
                migrator: StoreSchema.migrator(studyDays: studyDays))
        } catch {
            throw Self.openingError(error, path: path, creating: !existed)
        }
        // A store this process has just made needs no check, and its files are its own doing.
        let integrity = check ?? IntegrityCheck.passed(path: path, state: IntegrityMark(store: path))
        self.integrity = integrity
        checkpointer = Checkpointer(path: path, integrity: integrity)
    }

    /// Closes the store; when its integrity check passed and nothing but this process changed
    /// it since, the pass is remembered for the next command (see `IntegrityMark`).
    deinit {
        let database = database
        let checkpointer = checkpointer
        integrity.closeAndRemember {
            // The checkpointer's connection first, so that closing the store's own (the last)
            // checkpoints the WAL into the file now, before the final state is taken.
            checkpointer.close()
            try? database.close()
        }
    }

    /// Waits for the `PRAGMA quick_check` that opening started in the background.
    ///
    /// Opening reads only the header and schema, so that a large store opens in
    /// milliseconds; the full check reads the whole file on another thread. Every write
    /// waits for it, so a damaged store is never written to. Call this to refuse a
    /// damaged store up front (the subcommands do); a study session can show its first
    /// question meanwhile.
    ///
    /// - Throws: `ProgressError.damaged` when the check failed.
    public func verify() throws {
        try integrity.wait()
    }

    // MARK: - Opening

    /// Creates the folder the store goes in.
    private static func createFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ProgressError.cannotCreate(path: path, reason: "\(folder) is not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ProgressError.cannotCreate(path: path, reason: "cannot create the folder \(folder)")
        }
    }

    /// The path to open the store at `path` read-only with: `path` itself, or an SQLite URI
    /// opening it immutable when its folder cannot be written (a read-only mount, another
    /// user's folder) and no WAL index is there, which SQLite would need to create.
    static func readOnlyPath(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard Glibc.access(folder.isEmpty ? "." : folder, W_OK) != 0,
            !FileManager.default.fileExists(atPath: path + "-shm"),
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else { return path }
        return "file:\(encoded)?immutable=1"
    }

    /// Creates a complete, empty store at `path` (whose folder exists): it is made in a
    /// hidden file beside it (WAL, branded, every migration run), closed, then linked into
    /// place, which fails if another process got there first. So a store is never seen
    /// half-made, even after a kill or a power cut during its creation.
    ///
    /// - Returns: whether this process's store is the one at `path` (`false` when another
    ///   process created it meanwhile; that one is used).
    private static func create(at path: String, migrator: DatabaseMigrator) throws -> Bool {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).new-\(UUID().uuidString)").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        }
        do {
            var configuration = Configuration()
            configuration.label = "recall.progress.create"
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA application_id = \(StoreSchema.applicationID)")
            }
            try migrator.migrate(queue)
            try queue.close()  // the last connection: the WAL is checkpointed into the file
        } catch {
            throw openingError(error, path: path, creating: true)
        }
        guard link(temporary, path) == 0 else {
            let code = errno
            if code == EEXIST { return false }
            // A file system without hard links: rename, unless the store appeared meanwhile.
            if FileManager.default.fileExists(atPath: path) { return false }
            guard rename(temporary, path) == 0 else {
                throw ProgressError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            return true
        }
        return true
    }

    /// Refuses a store (or folder) that cannot be written, before SQLite would silently open it read-only.
    private static func checkWritable(_ path: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ProgressError.notARecallStore(path: path, detail: "it is a folder")
        }
        if Glibc.access(path, W_OK) != 0 && errno == EROFS {
            throw ProgressError.readOnly(
                path: path,
                detail: "it is on a read-only file system (reading commands such as log, stats and cards still work)")
        }
        guard fileManager.isWritableFile(atPath: path) else {
            throw ProgressError.readOnly(path: path, detail: "the file is read-only")
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard fileManager.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
            throw ProgressError.readOnly(
                path: path, detail: "its folder is read-only (SQLite needs to create its journal next to it)")
        }
    }

    /// Checks an existing file without writing to it: a recall store, of a known schema, intact.
    private static func inspect(_ db: Database, path: String) throws {
        // Read the schema first: that starts the snapshot the header is then read in.
        let objects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID != StoreSchema.applicationID {
            // An empty file (or an empty database) is a store not yet initialised.
            guard applicationID == 0, objects == 0 else {
                throw ProgressError.notARecallStore(path: path, detail: "it is an SQLite database of another program")
            }
        }
        if try StoreSchema.migrator.hasBeenSuperseded(db) {
            throw ProgressError.newerVersion(path: path)
        }
    }

    /// Turns on WAL and brings the schema up to date (read-write), or checks it is current (read-only).
    ///
    /// An existing, current store needs no write at all; when one is needed (a new store, an
    /// upgrade), it waits for the integrity check first.
    private static func prepare(
        _ database: DatabaseQueue, path: String, access: Access, integrity: IntegrityCheck, migrator: DatabaseMigrator
    ) throws {
        switch access {
        case .readWrite:
            let needsMigration = try database.writeWithoutTransaction { db in
                let needsWAL = try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal"
                let needsBrand = try Int32.fetchOne(db, sql: "PRAGMA application_id") != StoreSchema.applicationID
                // Unknown while another process is creating the schema (GRDB's check can
                // race with it): migrate, which copes with that.
                let needsMigration = (try? StoreSchema.migrator.hasCompletedMigrations(db)) != true
                if needsWAL || needsBrand || needsMigration { try integrity.wait() }
                if needsWAL { try enableWAL(db) }
                // Brand the file before the schema exists, so a process opening it meanwhile
                // sees a recall store being made, not some other program's database.
                if needsBrand { try db.execute(sql: "PRAGMA application_id = \(StoreSchema.applicationID)") }
                return needsMigration
            }
            guard needsMigration else { return }
            do {
                try migrator.migrate(database)
            } catch {
                // Two processes creating the store at once both try the first migration; the
                // loser's transaction rolls back whole. Fine once the schema is complete: the
                // winner may still be running a later migration, so wait for it (or finish it).
                let deadline = Date().addingTimeInterval(busyTimeout)
                while (try? database.read({ db in try StoreSchema.migrator.hasCompletedMigrations(db) })) != true {
                    guard Date() < deadline else { throw error }
                    usleep(10_000)
                    try? migrator.migrate(database)
                }
            }
        case .readOnly:
            let (applied, current) = try database.read { db in
                (try StoreSchema.migrator.appliedIdentifiers(db), try StoreSchema.migrator.hasCompletedMigrations(db))
            }
            // An empty file, or a store another process is creating right now, holds nothing yet.
            guard !applied.isEmpty else { throw ProgressError.notFound(path: path) }
            guard current else { throw ProgressError.olderVersion(path: path) }
        }
    }

    /// Switches a new store to WAL (a no-op for an existing store, which stays in WAL).
    ///
    /// SQLite does not wait for a busy database while changing the journal mode, so when
    /// another process is creating the same store at this moment, retry until `busyTimeout`.
    private static func enableWAL(_ db: Database) throws {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(10_000)
            }
        }
    }

    /// The `ProgressError` for an SQLite error met while opening.
    private static func openingError(_ error: any Error, path: String, creating: Bool) -> ProgressError {
        if let error = error as? ProgressError { return error }
        guard let error = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: String(describing: error))
        }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return .notARecallStore(path: path, detail: "file is not a database")
        case .SQLITE_CORRUPT:
            return .damaged(path: path, report: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path, seconds: Int(busyTimeout))
        case .SQLITE_READONLY:
            return .readOnly(path: path, detail: "the file is read-only")
        case .SQLITE_FULL:
            return creating
                ? .cannotCreate(path: path, reason: "the disk is full")
                : .writeFailed(path: path, reason: "the disk is full")
        case .SQLITE_IOERR where diskIsFull(at: path):
            return creating
                ? .cannotCreate(path: path, reason: "the disk is full")
                : .cannotOpen(path: path, reason: "the disk is full")
        default:
            return creating ? .cannotCreate(path: path, reason: message) : .cannotOpen(path: path, reason: message)
        }
    }

    /// The problems `PRAGMA integrity_check` (the full check, indexes against their tables)
    /// finds in the store at `path`, or `nil` when it finds none or cannot run.
    static func fullIntegrityReport(_ path: String) -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "recall.progress.integrity"
        guard let queue = try? DatabaseQueue(path: readOnlyPath(path), configuration: configuration),
            let report = try? queue.read({ db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }),
            report != ["ok"]
        else { return nil }
        return IntegrityCheck.summary(of: report)
    }

    /// Whether the file system holding `path` (or its folder) has no room left.
    static func diskIsFull(at path: String) -> Bool {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return info.f_bavail == 0
    }

    // MARK: - Transactions

    /// Runs `updates` in one `BEGIN IMMEDIATE` transaction, committed before it returns.
    ///
    /// Any error rolls the whole transaction back; SQLite errors become `ProgressError`s.
    /// `foreignKeyChecks: false` switches SQLite's foreign-key checks off for the transaction
    /// (for bulk inserts whose parents the same transaction has looked up or made, where a
    /// check per row could never fail); the setting can only change outside a transaction,
    /// and is put back before this returns.
    func write<T>(foreignKeyChecks: Bool = true, _ updates: (Database) throws -> T) throws -> T {
        try integrity.wait()
        do {
            return try database.writeWithoutTransaction { db in
                let checked = foreignKeyChecks ? false : (try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false)
                if checked { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if checked { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    integrity.noteChangeStarting()
                    result = try updates(db)
                    return .commit
                }
                integrity.noteChangeFinished()
                guard let result else { preconditionFailure("a committed transaction always has a result") }
                checkpointer.noteCommit()
                return result
            }
        } catch {
            throw storeError(error, writing: true)
        }
    }

    /// Runs `body` in a read transaction (one consistent snapshot).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch {
            throw storeError(error, writing: false)
        }
    }

    /// The `ProgressError` for an error met while reading or writing an open store.
    func storeError(_ error: any Error, writing: Bool) -> any Error {
        if error is ProgressError { return error }
        if let error = error as? StateDecodingError {
            return ProgressError.invalidValue(path: path, detail: error.detail)
        }
        guard let error = error as? DatabaseError else { return error }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_FULL:
            return ProgressError.writeFailed(path: path, reason: "the disk is full")
        case .SQLITE_READONLY:
            return ProgressError.readOnly(path: path, detail: "the file is read-only; nothing was written")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return ProgressError.busy(path: path, seconds: Int(Self.busyTimeout))
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return ProgressError.damaged(path: path, report: message)
        case .SQLITE_CONSTRAINT:
            // recall never breaks a uniqueness constraint itself (it looks before it adds):
            // an index that disagrees with its table does, which quick_check does not see.
            if let report = Self.fullIntegrityReport(path) { return ProgressError.damaged(path: path, report: report) }
            return ProgressError.writeFailed(path: path, reason: message)
        case .SQLITE_IOERR:
            return writing
                ? ProgressError.writeFailed(path: path, reason: "disk I/O error (\(message))")
                : ProgressError.cannotOpen(path: path, reason: "disk I/O error (\(message))")
        default:
            return writing
                ? ProgressError.writeFailed(path: path, reason: message)
                : ProgressError.cannotOpen(path: path, reason: message)
        }
    }
}
