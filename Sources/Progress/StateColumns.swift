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
