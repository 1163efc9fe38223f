extension HistoryReview {
    /// Marks each card's earliest review (the first in the list among equal times) as its
    /// learning start and no other: for histories without card states, such as CSV files.
    public static func markingEarliestPerCard(_ reviews: [HistoryReview], cardCount: Int) -> [HistoryReview] {
        var earliest = [Int](repeating: -1, count: cardCount)
        for (index, review) in reviews.enumerated() {
            let card = Int(review.card)
            if earliest[card] < 0 || review.time < reviews[earliest[card]].time { earliest[card] = index }
        }
        var marked = reviews
        for index in marked.indices { marked[index].startsLearning = false }
        for index in earliest where index >= 0 { marked[index].startsLearning = true }
        return marked
    }
}
