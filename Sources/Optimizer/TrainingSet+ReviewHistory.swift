import Scheduling

extension TrainingSet {
    /// The items of a history read from CSV, which has no card states: each card's earliest
    /// review is its learning start.
    public init(history: ReviewHistory, clock: StudyDayClock) {
        self.init(reviews: Self.reviews(of: history), cardCount: history.cardCount, clock: clock)
    }

    /// A CSV history's reviews, each card's earliest marked as starting its learning.
    static func reviews(of history: ReviewHistory) -> [HistoryReview] {
        var earliest = [Int](repeating: -1, count: history.cardCount)
        for (index, review) in history.reviews.enumerated() {
            let card = Int(review.card)
            if earliest[card] < 0 || review.time < history.reviews[earliest[card]].time { earliest[card] = index }
        }
        var reviews = history.reviews.map { HistoryReview(card: $0.card, time: $0.time, rating: $0.rating, startsLearning: false) }
        for index in earliest where index >= 0 { reviews[index].startsLearning = true }
        return reviews
    }
}
