import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Calls `body` with each logged answer, oldest first, without loading the whole log.
    ///
    /// - Parameters:
    ///   - deckIDs: only these decks (every deck when `nil`).
    ///   - since: only answers at or after this moment.
    ///   - kinds: only these kinds of answer (study only, by default).
    public func forEachReview(
        deckIDs: [String]? = nil, since: Date? = nil, kinds: Set<ReviewKind> = [.study],
        _ body: (LoggedReview) throws -> Void
    ) throws {
        let (filter, filterArguments) = Self.deckFilter(deckIDs)
        let kindList = ReviewKind.allCases.filter(kinds.contains).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let sql = """
            SELECT \(ReviewLogRecord.columnList(prefix: "review.")), item.deck_id, item.item_key, item.card_id
            FROM review JOIN item ON item.id = review.item_id
            WHERE review.reviewed_at >= ? AND review.kind IN (\(kindList)) \(filter)
            ORDER BY review.reviewed_at, review.id
            """
        let arguments: [(any DatabaseValueConvertible)?] = [since?.unixMilliseconds ?? Int64.min] + filterArguments
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                let extra = ReviewLogRecord.columns.count
                let item = ItemRef(deckID: row[extra], key: row[extra + 1])
                try body(try ReviewLogRecord(row: row).logged(item: item, cardID: row[extra + 2]))
            }
        }
    }

    /// How many answers the log holds (of every kind).
    public func reviewCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") ?? 0 }
    }

    /// How many answers (of every kind but manual changes) the decks `deckIDs` hold, from the
    /// tallies the store keeps per deck: as cheap for a million answers as for ten.
    public func answerCount(deckIDs: [String]) throws -> Int {
        guard !deckIDs.isEmpty else { return 0 }
        let marks = Array(repeating: "?", count: deckIDs.count).joined(separator: ", ")
        return try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(answers), 0) FROM review_total WHERE deck_id IN (\(marks))",
                arguments: StatementArguments(deckIDs)) ?? 0
        }
    }
}
