import Foundation
import GRDB

/// `PRAGMA quick_check` of an existing store, CHECK constraints included, run on its own
/// connection on a background thread, so that opening a large store stays fast (the check reads the whole
/// file: about half a second per 100 MB). Every write waits for its verdict, so nothing is
/// ever written to a store that failed it.
///
/// A pass is remembered beside the store (see `IntegrityMark`), so the next command that
/// opens the store unchanged skips the check. To keep that mark honest, the check follows
/// the store's files while this process has it open: `expected` is their state after this
/// process's last change (its open, its commits, its checkpoints). When a write finds the
/// files in another state, some other program changed them, and nothing is remembered when
/// this process closes the store.
final class IntegrityCheck: @unchecked Sendable {
    // `verdict` and `expected` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var verdict: Result<Void, ProgressError>?
    private var expected: IntegrityMark?
    /// The store's path.
    let path: String

    private init(path: String, verdict: Result<Void, ProgressError>?, expected: IntegrityMark?) {
        self.path = path
        self.verdict = verdict
        self.expected = expected
    }

    /// A check with nothing to do: a store this process has just created, or one whose
    /// check passed in this state before (`state`).
    static func passed(path: String, state: IntegrityMark?) -> IntegrityCheck {
        IntegrityCheck(path: path, verdict: .success(()), expected: state)
    }

    /// The check of the existing store at `path`: none when a pass was remembered for its
    /// present state, otherwise one started in the background (`readWrite`: on a read-write
    /// connection, so that SQLite checks the CHECK constraints too).
    static func start(path: String, openingPath: String, readWrite: Bool) -> IntegrityCheck {
        let state = IntegrityMark(store: path)
        if let state, IntegrityMark.isRemembered(state, path: path) {
            return passed(path: path, state: state)
        }
        let check = IntegrityCheck(path: path, verdict: nil, expected: nil)
        let thread = Thread {
            #if os(Linux)
                // Linux nice values are per thread: yield the cores to the queue being built.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            let result = run(path: path, openingPath: openingPath, readWrite: readWrite)
            switch result {
            case .success:
                if let state { IntegrityMark.remember(state, path: path) }
            case .failure:
                IntegrityMark.forget(path: path)
            }
            check.finish(result, state: state)
        }
        thread.qualityOfService = .utility
        thread.start()
        return check
    }

    /// Whether the verdict is in (without waiting for it).
    var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return verdict != nil
    }

    /// Waits for the verdict; throws `ProgressError.damaged` if the check failed.
    func wait() throws {
        condition.lock()
        defer { condition.unlock() }
        while verdict == nil { condition.wait() }
        try verdict?.get()
    }

    private func finish(_ result: Result<Void, ProgressError>, state: IntegrityMark?) {
        condition.lock()
        verdict = result
        // Changed while the check read it: by whom is unknown, so nothing is vouched for.
        if case .success = result, let state, IntegrityMark(store: path) == state { expected = state }
        condition.broadcast()
        condition.unlock()
    }

    /// Before this process changes the store (a commit, a checkpoint): whether the files are
    /// as this process left them. If not, another program changed them since.
    func noteChangeStarting() {
        condition.lock()
        if let known = expected, IntegrityMark(store: path) != known { expected = nil }
        condition.unlock()
    }

    /// After this process changed the store: its files' new state is this process's doing
    /// (unless something else changed them before, see `noteChangeStarting`).
    func noteChangeFinished() {
        condition.lock()
        if expected != nil { expected = IntegrityMark(store: path) }
        condition.unlock()
    }

    /// Closes the store's connections with `close` and, when the check passed and every change
    /// to the files since was this process's own, remembers the pass for their final state.
    func closeAndRemember(_ close: () -> Void) {
        condition.lock()
        let vouched = expected.map { IntegrityMark(store: path) == $0 } ?? false
        condition.unlock()
        close()
        guard vouched, let state = IntegrityMark(store: path) else { return }
        IntegrityMark.remember(state, path: path)
    }

    /// The first three problems of a `quick_check` report on one line, without SQLite's
    /// "*** in database main ***" headings.
    static func summary(of report: [String]) -> String {
        let problems = report.flatMap { $0.split(whereSeparator: \.isNewline) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("***") }
        let shown = problems.prefix(3).joined(separator: "; ")
        return problems.count > 3 ? shown + "; and \(problems.count - 3) more" : shown
    }

    /// Rows that break the schema's CHECK constraints, which `PRAGMA quick_check` does not look
    /// at on a read-only connection: one query per constraint of the core tables, each
    /// returning how many rows break it.
    static let constraintChecks: [(table: String, check: String)] = [
        ("item", "phase IN ('new', 'learning', 'review', 'relearning')"),
        ("item", "suspended IN (0, 1)"),
        ("session", "kind IN ('study', 'quiz')"),
        ("review", "kind IN ('study', 'practice', 'manual')"),
        ("review", "rating IS NULL OR rating BETWEEN 1 AND 4"),
        ("review", "(rating IS NULL) = (kind = 'manual')"),
        ("review", "(after_phase IS NULL) = (kind = 'practice')"),
        ("deck_settings", "scheduler IN ('fsrs', 'sm2')"),
        ("deck_settings", "new_per_day >= 0"),
    ]

    /// Runs `PRAGMA quick_check`; on a read-only connection, checks the CHECK constraints too.
    private static func run(path: String, openingPath: String, readWrite: Bool) -> Result<Void, ProgressError> {
        do {
            var configuration = Configuration()
            // Read-write only for the check's sake (quick_check then covers CHECK
            // constraints); it writes nothing.
            configuration.readonly = !readWrite
            configuration.busyMode = .timeout(ProgressStore.busyTimeout)
            configuration.label = "recall.progress.check"
            let queue = try DatabaseQueue(path: openingPath, configuration: configuration)
            var report = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            if report == ["ok"] && !readWrite {
                report = try queue.read { db in
                    var problems: [String] = []
                    let tables = Set(
                        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    for (table, check) in constraintChecks where tables.contains(table) {
                        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE NOT (\(check))") ?? 0
                        if count > 0 {
                            problems.append("CHECK constraint failed in \(table): \(check) (\(count) rows)")
                        }
                    }
                    return problems.isEmpty ? ["ok"] : problems
                }
            }
            guard report == ["ok"] else {
                return .failure(.damaged(path: path, report: summary(of: report)))
            }
            return .success(())
        } catch let error as DatabaseError {
            let message = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return .failure(.damaged(path: path, report: message))
            default:
                return .failure(.cannotOpen(path: path, reason: message))
            }
        } catch {
            return .failure(.cannotOpen(path: path, reason: String(describing: error)))
        }
    }
}
