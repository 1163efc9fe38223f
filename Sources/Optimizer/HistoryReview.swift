import Scheduling

/// One study review of a history the optimizer learns from.
public struct HistoryReview: Sendable, Hashable {
    /// The card's number (0, 1, 2…); cards are taken in the order of these numbers.
    public var card: Int32
    /// When the review happened, in microseconds since 1970 (UTC).
    public var time: Int64
    /// The rating given.
    public var rating: Rating
    /// Whether the card was new when it was answered, so that this review starts its learning
    /// (the first review of a card, or the first after it was reset).
    public var startsLearning: Bool

    /// Creates a review.
    public init(card: Int32, time: Int64, rating: Rating, startsLearning: Bool) {
        self.card = card
        self.time = time
        self.rating = rating
        self.startsLearning = startsLearning
    }
}
