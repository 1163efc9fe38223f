/// Reviews grouped card by card, keeping their order within each card: a counting sort,
/// linear in the number of reviews, which replay and the optimizer both start from.
public struct CardGrouping: Sendable {
    /// Where each card's reviews start in `order`; card `c`'s are `starts[c]..<starts[c + 1]`.
    public var starts: [Int]
    /// Indexes into the reviews, card by card.
    public var order: [Int32]

    /// Groups `reviews` by `card(review)`, a number below `cardCount`.
    @inlinable
    public init<Reviews: Collection>(_ reviews: Reviews, cardCount: Int, card: (Reviews.Element) -> Int32) {
        var starts = [Int](repeating: 0, count: cardCount + 1)
        for review in reviews { starts[Int(card(review)) + 1] += 1 }
        for index in 0..<cardCount { starts[index + 1] += starts[index] }
        var order = [Int32](repeating: 0, count: reviews.count)
        var next = starts
        for (index, review) in reviews.enumerated() {
            let number = Int(card(review))
            order[next[number]] = Int32(index)
            next[number] += 1
        }
        self.starts = starts
        self.order = order
    }
}
