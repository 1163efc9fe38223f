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
            SELECT review.id, deck_id, item_key, card_id, reviewed_at, rating, kind, duration_ms,
                   \(StateColumns.list(prefix: "before_")), \(StateColumns.list(prefix: "after_"))
            FROM review JOIN item ON item.id = review.item_id
            WHERE review.reviewed_at >= ? AND review.kind IN (\(kindList)) \(filter)
            ORDER BY review.reviewed_at, review.id
            """
        let arguments: [(any DatabaseValueConvertible)?] = [since?.unixMilliseconds ?? Int64.min] + filterArguments
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                let kindText: String = row[6]
                guard let kind = ReviewKind(rawValue: kindText) else {
                    throw StateDecodingError(detail: "unknown review kind \"\(kindText)\"")
                }
                guard let before = try StateColumns.state(in: row, at: 8) else {
                    throw StateDecodingError(detail: "a review without a before state")
                }
                let rating: Int? = row[5]
                try body(
                    LoggedReview(
                        id: row[0], item: ItemRef(deckID: row[1], key: row[2]), cardID: row[3],
                        time: Date(unixMilliseconds: row[4]), rating: rating.flatMap(Rating.init(rawValue:)),
                        kind: kind, durationMilliseconds: row[7], before: before,
                        after: try StateColumns.state(in: row, at: 8 + StateColumns.names.count)))
            }
        }
    }

    /// How many answers the log holds (of every kind).
    public func reviewCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") ?? 0 }
    }
}
