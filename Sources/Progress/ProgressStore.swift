import Foundation
import GRDB
import Scheduling

/// The SQLite file that keeps one user's study progress.
public final class ProgressStore: Sendable {
    /// The database connection pool (WAL mode).
    let database: DatabasePool

    /// Opens (creating if needed) the store at `path`.
    public init(path: String) throws {
        database = try DatabasePool(path: path)
    }
}
