import Foundation
import GRDB

/// `PRAGMA quick_check` of an existing store, run on its own read-only connection on a
/// background thread, so that opening a large store stays fast (the check reads the whole
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

    /// Starts checking the store at `path` in the background.
    static func start(path: String) -> IntegrityCheck {
        let check = IntegrityCheck(verdict: nil)
        let thread = Thread {
            #if os(Linux)
            // Linux nice values are per thread: yield the cores to the queue being built.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            check.finish(run(path: path))
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

    /// Runs `PRAGMA quick_check` on a read-only connection.
    private static func run(path: String) -> Result<Void, ProgressError> {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(ProgressStore.busyTimeout)
            configuration.label = "recall.progress.check"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let report = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
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
