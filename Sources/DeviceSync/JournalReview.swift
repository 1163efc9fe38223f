import Progress

/// One answer as the journal carries it: which item, when, the rating, how long, study or practice.
///
/// The card's states are not carried: every store recomputes them by replaying the item's
/// merged history with its deck's scheduler.
public struct JournalReview: Sendable, Hashable {
    /// The deck's id.
    public var deckID: String
    /// The item's key in its deck.
    public var itemKey: String
    /// When it was answered, in Unix milliseconds.
    public var time: Int64
    /// The rating, 1 (again) to 4 (easy).
    public var rating: Int
    /// How long the answer took, in milliseconds, when measured.
    public var durationMilliseconds: Int?
    /// `.study` (moves the schedule) or `.practice` (logged only).
    public var kind: ReviewKind

    /// Creates a journal review.
    public init(deckID: String, itemKey: String, time: Int64, rating: Int, durationMilliseconds: Int?, kind: ReviewKind)
    {
        self.deckID = deckID
        self.itemKey = itemKey
        self.time = time
        self.rating = rating
        self.durationMilliseconds = durationMilliseconds
        self.kind = kind
    }
}
