import Foundation
import GRDB

extension ProgressStore {
    /// Records the start of a session and returns its id (pass it to `ReviewRecord`s and `endSession`).
    public func startSession(_ kind: SessionKind, deckIDs: [String], at time: Date = Date()) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let decks = String(decoding: (try? encoder.encode(deckIDs)) ?? Data("[]".utf8), as: UTF8.self)
        return try write { db in
            try db.execute(
                sql: "INSERT INTO session (kind, decks, started_at) VALUES (?, ?, ?)",
                arguments: [kind.rawValue, decks, time.unixMilliseconds])
            return db.lastInsertedRowID
        }
    }

    /// Records the end of a session with its tallies.
    public func endSession(_ id: Int64, at time: Date = Date(), counts: SessionCounts) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE session SET ended_at = ?, answered = ?, new_items = ?, again = ?, hard = ?, good = ?, easy = ?
                    WHERE id = ?
                    """,
                arguments: [
                    time.unixMilliseconds, counts.answered, counts.newItems, counts.again, counts.hard,
                    counts.good, counts.easy, id,
                ])
        }
    }
}
