import Foundation
import GRDB
import GRDBSQLite
import Scheduling

extension ProgressStore {
    /// Calls `body` with every answer in the log of the given decks (every deck when `nil`),
    /// oldest first (by time, then in the order saved), as a ``ReviewOutline``, without
    /// loading the whole log.
    ///
    /// For exports of a long history: it reads only the columns an outline needs, straight
    /// from SQLite, and checks each value as ``forEachReview(deckIDs:since:kinds:_:)`` does
    /// (a value out of range is `ProgressError.invalidValue`). Pair `itemRow` with the rows
    /// ``forEachItemRow(deckIDs:_:)`` gives.
    public func forEachReviewOutline(deckIDs: [String]? = nil, _ body: (ReviewOutline) throws -> Void) throws {
        let columns = """
            SELECT item_id, reviewed_at, kind, rating, duration_ms, before_phase, before_due, before_last_review,
              after_phase, after_due, after_difficulty
            """
        try read { db in
            var sql = "\(columns) FROM review ORDER BY reviewed_at, id"
            var arguments = StatementArguments()
            if let deckIDs {
                let marks = Array(repeating: "?", count: deckIDs.count).joined(separator: ", ")
                let chosen = "SELECT id FROM item WHERE deck_id IN (\(marks))"
                let selected =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM (\(chosen))", arguments: StatementArguments(deckIDs)) ?? 0
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item") ?? 0
                // Every item: the whole log, as above. Most of them: one scan of the time
                // index, no sort. A small part: its items' answers through the item index,
                // then sorted (SQLite's own choice).
                if selected < total {
                    let order = selected * 4 >= total ? "INDEXED BY review_time " : ""
                    sql = "\(columns) FROM review \(order)WHERE item_id IN (\(chosen)) ORDER BY reviewed_at, id"
                    arguments = StatementArguments(deckIDs)
                }
            }
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                        sql: sql)
                }
                try body(try OutlineRow(handle).outline())
            }
        }
    }
}

/// The current row of the outline query, its columns read and checked one by one.
private struct OutlineRow {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    func outline() throws(StateDecodingError) -> ReviewOutline {
        let afterPhase = isNull(8) ? nil : try phase(8, "after_phase")
        let afterDue = isNull(9) ? nil : try time(9, "after_due")
        if afterPhase != nil, afterDue == nil { throw StateDecodingError(detail: "a card state without after_due") }
        return ReviewOutline(
            itemRow: try integer(0, "item_id"),
            time: try time(1, "reviewed_at"),
            kind: try reviewKind(),
            rating: try rating(),
            durationMilliseconds: isNull(4) ? nil : try StoredValue.count(try integer(4, "duration_ms"), "duration_ms"),
            beforePhase: try phase(5, "before_phase"),
            beforeDue: try time(6, "before_due"),
            beforeLastReview: isNull(7) ? nil : try time(7, "before_last_review"),
            afterPhase: afterPhase,
            afterDue: afterDue,
            afterDifficulty: try real(10, "after_difficulty"))
    }

    private func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    private func integer(_ column: Int32, _ name: String) throws(StateDecodingError) -> Int64 {
        guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else {
            throw StateDecodingError(detail: "\(name) is not an integer")
        }
        return sqlite3_column_int64(handle, column)
    }

    private func time(_ column: Int32, _ name: String) throws(StateDecodingError) -> Date {
        try StoredValue.time(try integer(column, name), name)
    }

    private func real(_ column: Int32, _ name: String) throws(StateDecodingError) -> Double? {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER, SQLITE_FLOAT: return try StoredValue.real(sqlite3_column_double(handle, column), name)
        default: throw StateDecodingError(detail: "\(name) is not a number")
        }
    }

    private func rating() throws(StateDecodingError) -> Rating? {
        if isNull(3) { return nil }
        let value = try integer(3, "rating")
        guard let rating = Rating(rawValue: Int(clamping: value)) else {
            throw StateDecodingError(detail: "rating \(value) is not 1 to 4")
        }
        return rating
    }

    /// The column's text, if it is text.
    private func text(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT, let bytes = sqlite3_column_text(handle, column)
        else { return nil }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    private func phase(_ column: Int32, _ name: String) throws(StateDecodingError) -> CardPhase {
        guard let bytes = text(column) else { throw StateDecodingError(detail: "\(name) is not text") }
        // The four phases have four different lengths: compare with the one of that length.
        let phase: CardPhase? =
            switch bytes.count {
            case 3: .new
            case 6: .review
            case 8: .learning
            case 10: .relearning
            default: nil
            }
        guard let phase, bytes.elementsEqual(phase.rawValue.utf8) else {
            throw StateDecodingError(detail: "unknown card phase \"\(String(decoding: bytes, as: UTF8.self))\"")
        }
        return phase
    }

    private func reviewKind() throws(StateDecodingError) -> ReviewKind {
        guard let bytes = text(2) else { throw StateDecodingError(detail: "kind is not text") }
        let kind: ReviewKind? =
            switch bytes.count {
            case 5: .study
            case 6: .manual
            case 8: .practice
            default: nil
            }
        guard let kind, bytes.elementsEqual(kind.rawValue.utf8) else {
            throw StateDecodingError(detail: "unknown review kind \"\(String(decoding: bytes, as: UTF8.self))\"")
        }
        return kind
    }
}
