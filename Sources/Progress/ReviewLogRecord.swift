import Foundation
import GRDB
import Scheduling

/// A row of `review`, the append-only review log: one answer, with the card's state before
/// and after it (eight columns each).
///
/// Saved through `Encodable`; decoded by hand from ``databaseSelection``'s columns, in that
/// order, since exports read the whole log and `Decodable` costs about 20 µs a row.
struct ReviewLogRecord: Encodable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "review"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    /// The columns read, in the order `init(row:)` reads them.
    static let columns = [
        "id", "item_id", "session_id", "reviewed_at", "study_day", "kind", "rating", "duration_ms",
        "before_phase", "before_step", "before_stability", "before_difficulty", "before_due", "before_last_review",
        "before_reps", "before_lapses", "after_phase", "after_step", "after_stability", "after_difficulty", "after_due",
        "after_last_review", "after_reps", "after_lapses",
    ]
    static var databaseSelection: [any SQLSelectable] { columns.map { Column($0) } }
    /// The columns, comma-separated, for SQL written by hand (`prefix` names the table).
    static func columnList(prefix: String = "") -> String {
        columns.map { prefix + $0 }.joined(separator: ", ")
    }

    init(row: Row) throws {
        id = row[0]
        itemId = row[1]
        sessionId = row[2]
        reviewedAt = row[3]
        studyDay = row[4]
        kind = row[5]
        rating = row[6]
        durationMs = row[7]
        beforePhase = row[8]
        beforeStep = row[9]
        beforeStability = row[10]
        beforeDifficulty = row[11]
        beforeDue = row[12]
        beforeLastReview = row[13]
        beforeReps = row[14]
        beforeLapses = row[15]
        afterPhase = row[16]
        afterStep = row[17]
        afterStability = row[18]
        afterDifficulty = row[19]
        afterDue = row[20]
        afterLastReview = row[21]
        afterReps = row[22]
        afterLapses = row[23]
    }

    var id: Int64?
    var itemId: Int64
    var sessionId: Int64?
    var reviewedAt: Int64
    var studyDay: Int64?
    var kind: String
    var rating: Int64?
    var durationMs: Int64?
    var beforePhase: String
    var beforeStep: Int64?
    var beforeStability: Double?
    var beforeDifficulty: Double?
    var beforeDue: Int64
    var beforeLastReview: Int64?
    var beforeReps: Int64
    var beforeLapses: Int64
    var afterPhase: String?
    var afterStep: Int64?
    var afterStability: Double?
    var afterDifficulty: Double?
    var afterDue: Int64?
    var afterLastReview: Int64?
    var afterReps: Int64?
    var afterLapses: Int64?

    /// The row of `review` for item `itemID`, filed under study day `studyDay`.
    init(_ review: ReviewRecord, itemID: Int64, studyDay: Int) {
        itemId = itemID
        sessionId = review.sessionID
        reviewedAt = review.time.unixMilliseconds
        self.studyDay = Int64(studyDay)
        kind = review.kind.rawValue
        rating = review.rating.map { Int64($0.rawValue) }
        durationMs = review.durationMilliseconds.map(Int64.init)
        let before = review.before
        beforePhase = before.phase.rawValue
        beforeStep = before.step.map(Int64.init)
        beforeStability = before.stability
        beforeDifficulty = before.difficulty
        beforeDue = before.due.unixMilliseconds
        beforeLastReview = before.lastReview?.unixMilliseconds
        beforeReps = Int64(before.reps)
        beforeLapses = Int64(before.lapses)
        let after = review.after
        afterPhase = after?.phase.rawValue
        afterStep = after?.step.map(Int64.init)
        afterStability = after?.stability
        afterDifficulty = after?.difficulty
        afterDue = after?.due.unixMilliseconds
        afterLastReview = after?.lastReview?.unixMilliseconds
        afterReps = after.map { Int64($0.reps) }
        afterLapses = after.map { Int64($0.lapses) }
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The kind of answer, checked.
    func reviewKind() throws(StateDecodingError) -> ReviewKind {
        guard let kind = ReviewKind(rawValue: kind) else {
            throw StateDecodingError(detail: "unknown review kind \"\(kind)\"")
        }
        return kind
    }

    /// The rating, checked (`nil` for a manual change).
    func checkedRating() throws(StateDecodingError) -> Rating? {
        guard let rating else { return nil }
        guard let value = Rating(rawValue: Int(clamping: rating)) else {
            throw StateDecodingError(detail: "rating \(rating) is not 1 to 4")
        }
        return value
    }

    /// The state before the answer, checked.
    func before() throws(StateDecodingError) -> CardState {
        guard
            let state = try StoredValue.state(
                phase: beforePhase, step: beforeStep, stability: beforeStability, difficulty: beforeDifficulty,
                due: beforeDue, lastReview: beforeLastReview, reps: beforeReps, lapses: beforeLapses, prefix: "before_")
        else { throw StateDecodingError(detail: "a review without a before state") }
        return state
    }

    /// The state after the answer (`nil` for practice), checked.
    func after() throws(StateDecodingError) -> CardState? {
        try StoredValue.state(
            phase: afterPhase, step: afterStep, stability: afterStability, difficulty: afterDifficulty,
            due: afterDue, lastReview: afterLastReview, reps: afterReps, lapses: afterLapses, prefix: "after_")
    }

    /// The logged review of item `item` (card `cardID`), every value checked.
    func logged(item: ItemRef, cardID: String) throws(StateDecodingError) -> LoggedReview {
        guard let id else { throw StateDecodingError(detail: "a review without an id") }
        return LoggedReview(
            id: id, item: item, cardID: cardID, time: try StoredValue.time(reviewedAt, "reviewed_at"),
            rating: try checkedRating(), kind: try reviewKind(),
            durationMilliseconds: try durationMs.map { value throws(StateDecodingError) in
                try StoredValue.count(value, "duration_ms")
            },
            before: try before(), after: try after())
    }
}
