import Foundation
import GRDB

/// `PRAGMA quick_check` of an existing store, CHECK constraints included, run on its own
/// connection on a background thread, so that opening a large store stays fast (the check reads the whole
/// file: about half a second per 100 MB). Every write waits for its verdict, so nothing is
/// ever written to a store that failed it.
final class IntegrityCheck: @unchecked Sendable {
    // `verdict` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var verdict: Result<Void, ProgressError>?

    private init(verdict: Result<Void, ProgressError>?) {
        self.verdict = verdict
    }

    /// A check with nothing to do (a store this process has just created).
    static func passed() -> IntegrityCheck {
        IntegrityCheck(verdict: .success(()))
    }

    /// Starts checking the store at `path` in the background (`readWrite`: on a read-write
    /// connection, so that SQLite checks the CHECK constraints too).
    static func start(path: String, openingPath: String, readWrite: Bool) -> IntegrityCheck {
        let check = IntegrityCheck(verdict: nil)
        let thread = Thread {
            #if os(Linux)
                // Linux nice values are per thread: yield the cores to the queue being built.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            check.finish(run(path: path, openingPath: openingPath, readWrite: readWrite))
        }
        thread.qualityOfService = .utility
        thread.start()
        return check
    }

    /// Waits for the verdict; throws `ProgressError.damaged` if the check failed.
    func wait() throws {
        condition.lock()
        defer { condition.unlock() }
        while verdict == nil { condition.wait() }
        try verdict?.get()
    }

    private func finish(_ result: Result<Void, ProgressError>) {
        condition.lock()
        verdict = result
        condition.broadcast()
        condition.unlock()
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
