import GRDB
import Scheduling

/// The day and deck tallies (`review_day`, `review_total`) of review rows a caller inserts in
/// bulk, counted as it inserts them: see `ProgressStore.insertingReviewsInBulk(_:tallying:)`.
///
/// A row counts as the store's insert trigger counts it: not at all when manual; else one
/// answer, practice when practice, a retention review when a study answer given in review
/// (`before_phase = 'review'`), recalled when that answer is Hard or better, and its duration.
public struct ReviewTallies: Sendable {
    /// One day's (or one deck's) five tallies.
    struct Counts: Sendable {
        var answers = 0
        var practice = 0
        var retentionReviews = 0
        var retentionRecalled = 0
        var durationMilliseconds = 0

        mutating func add(_ other: Counts) {
            answers += other.answers
            practice += other.practice
            retentionReviews += other.retentionReviews
            retentionRecalled += other.retentionRecalled
            durationMilliseconds += other.durationMilliseconds
        }
    }

    /// Keys of `counts`, in the order first seen.
    private var keys: [(day: Int, deckID: String)] = []
    private var counts: [Counts] = []
    private var index: [DayDeck: Int] = [:]
    /// The last row's key, where most rows of a bulk insert (in time order) fall.
    private var last: (day: Int, deckID: String, slot: Int)?

    private struct DayDeck: Hashable {
        var day: Int
        var deckID: String
    }

    /// No rows counted.
    public init() {}

    /// Whether no row has been counted.
    public var isEmpty: Bool { counts.isEmpty }

    /// Counts one inserted review row.
    public mutating func add(
        day: Int, deckID: String, kind: ReviewKind, beforePhase: CardPhase, rating: Rating?, durationMilliseconds: Int?
    ) {
        guard kind != .manual else { return }
        let slot: Int
        if let last, last.day == day, last.deckID == deckID {
            slot = last.slot
        } else if let known = index[DayDeck(day: day, deckID: deckID)] {
            slot = known
        } else {
            slot = counts.count
            index[DayDeck(day: day, deckID: deckID)] = slot
            keys.append((day, deckID))
            counts.append(Counts())
        }
        last = (day, deckID, slot)
        let retention = kind == .study && beforePhase == .review
        counts[slot].answers += 1
        counts[slot].practice += kind == .practice ? 1 : 0
        counts[slot].retentionReviews += retention ? 1 : 0
        counts[slot].retentionRecalled += retention && (rating?.rawValue ?? 0) >= 2 ? 1 : 0
        counts[slot].durationMilliseconds += durationMilliseconds ?? 0
    }

    /// Adds the counts to the store's `review_day` and `review_total` rows.
    func write(to db: Database) throws {
        let columns = "answers, practice, retention_reviews, retention_recalled, duration_ms"
        let day = try db.makeStatement(
            sql: """
                INSERT INTO review_day (day, deck_id, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, deck_id) DO UPDATE SET \(StoreSchema.accumulate)
                """)
        var decks: [String: Counts] = [:]
        var deckOrder: [String] = []
        for (key, count) in zip(keys, counts) {
            try day.execute(arguments: [
                key.day, key.deckID, count.answers, count.practice, count.retentionReviews, count.retentionRecalled,
                count.durationMilliseconds,
            ])
            if decks[key.deckID] == nil { deckOrder.append(key.deckID) }
            decks[key.deckID, default: Counts()].add(count)
        }
        let total = try db.makeStatement(
            sql: """
                INSERT INTO review_total (deck_id, \(columns)) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (deck_id) DO UPDATE SET \(StoreSchema.accumulate)
                """)
        for deckID in deckOrder {
            guard let count = decks[deckID] else { continue }
            try total.execute(arguments: [
                deckID, count.answers, count.practice, count.retentionReviews, count.retentionRecalled,
                count.durationMilliseconds,
            ])
        }
    }
}
