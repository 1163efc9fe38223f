import Foundation
import GRDB

extension ProgressStore {
    /// How many items of each deck are in each phase, orphans left out.
    public func stateCounts(deckIDs: [String]? = nil) throws -> [String: StateCounts] {
        try read { db in
            var counts: [String: StateCounts] = [:]
            let rows = try Row.fetchCursor(db, sql: Self.stateCountsSQL)
            let wanted = deckIDs.map(Set.init)
            while let row = try rows.next() {
                let deckID: String = row["deck_id"]
                if let wanted, !wanted.contains(deckID) { continue }
                let phase: String = row["phase"]
                let count: Int = row["items"]
                var deck = counts[deckID] ?? StateCounts()
                switch phase {
                case "new": deck.new += count
                case "learning": deck.learning += count
                case "review": deck.review += count
                default: deck.relearning += count
                }
                deck.suspended += row["suspended"] ?? 0
                counts[deckID] = deck
            }
            for deckID in deckIDs ?? [] where counts[deckID] == nil {
                counts[deckID] = StateCounts()
            }
            return counts
        }
    }

    /// The SQL of `stateCounts`: one pass over the covering index `item_due`.
    static let stateCountsSQL = """
        SELECT deck_id, phase, COUNT(*) AS items, SUM(suspended) AS suspended
        FROM item WHERE orphaned_at IS NULL
        GROUP BY deck_id, phase
        """

    /// How many studied items of each deck are due now, today and tomorrow (not suspended or orphaned).
    public func dueCounts(deckIDs: [String]? = nil, now: Date = Date()) throws -> [String: DueCounts] {
        let nowMilliseconds = now.unixMilliseconds
        let todayEnd = dayRollover.start(ofDayAfter: now)
        let tomorrowEnd = dayRollover.start(ofDayAfter: todayEnd).unixMilliseconds
        return try read { db in
            let decks = try deckIDs ?? String.fetchAll(db, sql: "SELECT id FROM deck ORDER BY id")
            var counts: [String: DueCounts] = [:]
            for deckID in decks {
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: Self.dueCountsSQL),
                    arguments: [nowMilliseconds, todayEnd.unixMilliseconds, deckID, tomorrowEnd])
                counts[deckID] = DueCounts(now: row?[0] ?? 0, today: row?[1] ?? 0, tomorrow: row?[2] ?? 0)
            }
            return counts
        }
    }

    /// The SQL of `dueCounts`: one index range per deck and phase.
    static let dueCountsSQL = """
        SELECT COALESCE(SUM(due <= ?1), 0), COALESCE(SUM(due < ?2), 0), COALESCE(SUM(due >= ?2), 0)
        FROM item
        WHERE deck_id = ?3 AND phase IN ('learning', 'review', 'relearning') AND due < ?4
          AND suspended = 0 AND orphaned_at IS NULL
        """

    /// Answers per study day from the day containing `from` to the one containing `to`,
    /// one entry per day (zeros included), oldest first.
    public func reviewsPerDay(deckIDs: [String]? = nil, from: Date, to: Date) throws -> [DailyReviews] {
        var days: [DailyReviews] = []
        var day = dayRollover.start(ofDayContaining: from)
        let last = dayRollover.start(ofDayContaining: to)
        while day <= last {
            days.append(DailyReviews(day: day, study: 0, practice: 0))
            day = dayRollover.start(ofDayAfter: day)
        }
        guard let first = days.first else { return [] }
        let boundaries = days.map { $0.day.unixMilliseconds } + [day.unixMilliseconds]
        let (filter, filterArguments) = Self.deckFilter(deckIDs)
        try read { db in
            // One pass over the period, in time order along review_time; each answer falls
            // in the day whose start precedes it.
            let rows = try Row.fetchCursor(
                db, sql: Self.reviewTimesSQL + filter + " ORDER BY review.reviewed_at",
                arguments: StatementArguments(
                    [first.day.unixMilliseconds, boundaries[boundaries.count - 1]] + filterArguments))
            var index = 0
            while let row = try rows.next() {
                let time: Int64 = row[0]
                while boundaries[index + 1] <= time { index += 1 }
                if row[1] { days[index].practice += 1 } else { days[index].study += 1 }
            }
        }
        return days
    }

    /// The SQL of `reviewsPerDay` (before its deck filter and order): a range of review_time.
    static let reviewTimesSQL = """
        SELECT review.reviewed_at, review.kind = 'practice'
        FROM review JOIN item ON item.id = review.item_id
        WHERE review.reviewed_at >= ? AND review.reviewed_at < ? AND review.kind <> 'manual'
        """

    /// True retention from `from` (inclusive) to `to` (exclusive): the share of study
    /// answers to review-phase cards rated anything but again.
    public func retention(deckIDs: [String]? = nil, from: Date, to: Date) throws -> Retention {
        let (filter, filterArguments) = Self.deckFilter(deckIDs)
        return try read { db in
            let row = try Row.fetchOne(
                db, sql: Self.retentionSQL + filter,
                arguments: StatementArguments([from.unixMilliseconds, to.unixMilliseconds] + filterArguments))
            return Retention(reviews: row?[0] ?? 0, recalled: row?[1] ?? 0)
        }
    }

    /// The SQL of `retention` (before its deck filter): a range of review_time.
    static let retentionSQL = """
        SELECT COUNT(*), COALESCE(SUM(review.rating >= 2), 0)
        FROM review JOIN item ON item.id = review.item_id
        WHERE review.reviewed_at >= ? AND review.reviewed_at < ?
          AND review.kind = 'study' AND review.before_phase = 'review'
        """

    /// ` AND +item.deck_id IN (?, …)` (or another `column`) and its arguments, or nothing for
    /// every deck.
    ///
    /// The unary `+` keeps SQLite from walking the deck's items through `item_due` and
    /// looking up each one's reviews: the review-log queries scan their time range instead.
    static func deckFilter(
        _ deckIDs: [String]?, column: String = "+item.deck_id"
    ) -> (sql: String, arguments: [(any DatabaseValueConvertible)?]) {
        guard let deckIDs else { return ("", []) }
        let marks = Array(repeating: "?", count: deckIDs.count).joined(separator: ", ")
        return (" AND \(column) IN (\(marks))", deckIDs)
    }
}
