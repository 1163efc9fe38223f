import Foundation
import GRDB
import Scheduling

/// Writes a `CardState` as the eight columns the store keeps it in (read back, checked, by
/// `StoredValue.state`).
///
/// The same layout serves the `item` table (no prefix) and the review log's `before_` and
/// `after_` snapshots. Stability and difficulty are REAL, so they come back bit for bit.
enum StateColumns {
    /// The column names, without prefix, in the order of `values(of:)`.
    static let names = ["phase", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses"]

    /// `prefix + name` for each column, comma-separated (for SELECT and INSERT lists).
    static func list(prefix: String = "") -> String {
        names.map { prefix + $0 }.joined(separator: ", ")
    }

    /// The state in `row` from column `offset` on (in the order of `names`), checked, or `nil`
    /// when its phase is NULL.
    static func state(in row: Row, at offset: Int) throws -> CardState? {
        try StoredValue.state(
            phase: row[offset], step: row[offset + 1], stability: row[offset + 2], difficulty: row[offset + 3],
            due: row[offset + 4], lastReview: row[offset + 5], reps: row[offset + 6], lapses: row[offset + 7])
    }

    /// Whether `a` and `b` are the same once stored (times are kept to the millisecond).
    static func sameAsStored(_ a: CardState, _ b: CardState) -> Bool {
        values(of: a).map { $0?.databaseValue } == values(of: b).map { $0?.databaseValue }
    }

    /// `prefix + name = ?` for each column, comma-separated (for UPDATE).
    static func assignments(prefix: String = "") -> String {
        names.map { "\(prefix)\($0) = ?" }.joined(separator: ", ")
    }

    /// The column values of `state`, in the order of `names`.
    static func values(of state: CardState) -> [(any DatabaseValueConvertible)?] {
        [
            state.phase.rawValue, state.step, state.stability, state.difficulty,
            state.due.unixMilliseconds, state.lastReview?.unixMilliseconds, state.reps, state.lapses,
        ]
    }
}

/// A value read from the store that recall cannot use (turned into `ProgressError.invalidValue`).
struct StateDecodingError: Error {
    /// What was wrong.
    var detail: String
}
