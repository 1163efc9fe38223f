import Foundation
import GRDB

extension ProgressStore {
    /// Today's study queue over `deckIDs` (every deck in the store when `nil`), at `now`.
    ///
    /// Learning and review items due before the study day ends, and for each deck as many
    /// never-studied items as its new-cards-per-day setting still allows today (new cards
    /// first answered in a study session since the day started count against it). Every
    /// query runs on an index; the whole queue is one consistent snapshot.
    public func queue(deckIDs: [String]? = nil, now: Date = Date()) throws -> StudyQueue {
        let dayStart = dayRollover.start(ofDayContaining: now).unixMilliseconds
        let dayEnd = dayRollover.start(ofDayAfter: now).unixMilliseconds
        let nowMilliseconds = now.unixMilliseconds
        return try read { db in
            let decks = try deckIDs ?? String.fetchAll(db, sql: "SELECT id FROM deck ORDER BY id")
            let introduced = try Self.newCardsIntroduced(since: dayStart, in: db)
            var queue = StudyQueue()
            for deckID in decks {
                queue.learning += try Self.queued(
                    in: db, deckID: deckID, phase: "learning", dueBefore: dayEnd, now: nowMilliseconds)
                queue.learning += try Self.queued(
                    in: db, deckID: deckID, phase: "relearning", dueBefore: dayEnd, now: nowMilliseconds)
                queue.review += try Self.queued(
                    in: db, deckID: deckID, phase: "review", dueBefore: dayEnd, now: nowMilliseconds)
                let limit = try Self.settings(for: deckID, in: db, path: path).newCardsPerDay
                let allowance = NewCardAllowance(limit: limit, introducedToday: introduced[deckID] ?? 0)
                queue.newAllowance[deckID] = allowance
                if allowance.remaining > 0 {
                    queue.new += try Self.newItems(
                        in: db, deckID: deckID, limit: allowance.remaining, now: nowMilliseconds)
                }
            }
            queue.learning.sort { ($0.state.due, $0.ref) < ($1.state.due, $1.ref) }
            queue.review.sort { ($0.state.due, $0.ref) < ($1.state.due, $1.ref) }
            return queue
        }
    }

    /// The SQL of the due-items query (public to tests, which check its plan uses an index).
    static let dueItemsSQL = """
        SELECT \(ItemRecord.columnList())
        FROM item
        WHERE deck_id = ? AND phase = ? AND due < ?
          AND suspended = 0 AND orphaned_at IS NULL AND (buried_until IS NULL OR buried_until <= ?)
        ORDER BY due
        """

    /// The SQL of the new-items query.
    static let newItemsSQL = """
        SELECT \(ItemRecord.columnList())
        FROM item
        WHERE deck_id = ? AND phase = 'new'
          AND suspended = 0 AND orphaned_at IS NULL AND (buried_until IS NULL OR buried_until <= ?)
        ORDER BY position
        LIMIT ?
        """

    /// The SQL counting new cards introduced per deck since a moment.
    static let newCardsIntroducedSQL = """
        SELECT item.deck_id, COUNT(*) AS introduced
        FROM review JOIN item ON item.id = review.item_id
        WHERE review.reviewed_at >= ? AND review.kind = 'study' AND review.before_phase = 'new'
        GROUP BY item.deck_id
        """

    /// Items of one deck and phase due before `dueBefore`, not suspended, buried or orphaned.
    private static func queued(
        in db: Database, deckID: String, phase: String, dueBefore: Int64, now: Int64
    ) throws -> [QueuedItem] {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: dueItemsSQL), arguments: [deckID, phase, dueBefore, now])
        return try queuedItems(rows)
    }

    /// Up to `limit` new items of one deck, in deck order.
    private static func newItems(in db: Database, deckID: String, limit: Int, now: Int64) throws -> [QueuedItem] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: newItemsSQL), arguments: [deckID, now, limit])
        return try queuedItems(rows)
    }

    /// The queued items of rows of `item`.
    private static func queuedItems(_ rows: RowCursor) throws -> [QueuedItem] {
        var items: [QueuedItem] = []
        while let row = try rows.next() {
            let item = try ItemRecord(row: row)
            items.append(QueuedItem(ref: item.ref, cardID: item.cardId, state: try item.state()))
        }
        return items
    }

    /// New cards first answered in a study session since `start`, per deck.
    static func newCardsIntroduced(since start: Int64, in db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: newCardsIntroducedSQL), arguments: [start])
        while let row = try rows.next() {
            counts[row["deck_id"]] = row["introduced"]
        }
        return counts
    }
}
