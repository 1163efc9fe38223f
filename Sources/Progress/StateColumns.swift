import Foundation
import GRDB
import Scheduling

/// Reads and writes a `CardState` as the eight columns the store keeps it in.
///
/// The same layout serves the `item` table (no prefix) and the review log's `before_` and
/// `after_` snapshots. Stability and difficulty are REAL, so they come back bit for bit.
enum StateColumns {
    /// The column names, without prefix, in the order of `values(of:)`.
    static let names = ["phase", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses"]

    /// `prefix + name` for each column, comma-separated (for SELECT and INSERT lists).
    static func list(prefix: String = "", table: String? = nil) -> String {
        names.map { (table.map { $0 + "." } ?? "") + prefix + $0 }.joined(separator: ", ")
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

    /// Eight NULLs, for a missing state (a practice answer's `after`).
    static var nulls: [(any DatabaseValueConvertible)?] { Array(repeating: nil, count: names.count) }

    /// The state in `row` starting at column `offset`, or `nil` when its phase is NULL.
    static func state(in row: Row, at offset: Int) throws -> CardState? {
        let phaseText: String? = row[offset]
        guard let phaseText else { return nil }
        guard let phase = CardPhase(rawValue: phaseText) else {
            throw StateDecodingError(detail: "unknown card phase \"\(phaseText)\"")
        }
        let due: Int64? = row[offset + 4]
        guard let due else { throw StateDecodingError(detail: "a card state without a due time") }
        let lastReview: Int64? = row[offset + 5]
        return CardState(
            phase: phase,
            step: row[offset + 1],
            stability: row[offset + 2],
            difficulty: row[offset + 3],
            due: Date(unixMilliseconds: due),
            lastReview: lastReview.map { Date(unixMilliseconds: $0) },
            reps: row[offset + 6] ?? 0,
            lapses: row[offset + 7] ?? 0
        )
    }
}

/// A stored card state that cannot be read back (turned into `ProgressError.invalidValue`).
struct StateDecodingError: Error {
    /// What was wrong.
    var detail: String
}
