import Scheduling

/// The training items fsrs-rs builds from a review history, stored compactly.
///
/// Each card's reviews are sorted by time and cut to the card's last learning start (a card
/// that never started learning is left out). Every review then gets `delta_t`, the number of
/// study days since the card's previous review (0 for the first review and for reviews on the
/// same day). There is one item per review with `delta_t > 0`: the card's reviews up to and
/// including that one, the last being the review to predict. Items are ordered by the time of
/// that last review (ties by card, then position), which is the order fsrs-rs weighs by recency.
public struct TrainingSet: Sendable {
    /// One item: a prefix of a card's reviews.
    public struct Item: Sendable, Hashable {
        /// The card's index in ``TrainingSet/cardStarts``.
        public var card: Int32
        /// How many of the card's reviews the item holds (at least 2); the last is predicted.
        public var length: Int32
    }

    /// `delta_t` of every review, card after card.
    public private(set) var deltas: [Int32]
    /// The rating (1 to 4) of every review, card after card.
    public private(set) var ratings: [UInt8]
    /// Where each card's reviews start in ``deltas`` and ``ratings``, plus the end as a last entry.
    public private(set) var cardStarts: [Int32]
    /// The items, oldest predicted review first.
    public private(set) var items: [Item]

    /// How many cards there are.
    public var cardCount: Int { cardStarts.count - 1 }
    /// How many reviews the cards hold after cutting them to their last learning start.
    public var reviewCount: Int { deltas.count }

    /// Builds the items from a history.
    ///
    /// - Parameters:
    ///   - reviews: the study reviews, in any order; card numbers must be below `cardCount`.
    ///   - cardCount: how many card numbers there are.
    ///   - clock: the study days `delta_t` is counted in.
    public init(reviews: [HistoryReview], cardCount: Int, clock: StudyDayClock) {
        var clock = clock
        // Group the reviews by card, keeping their order.
        let grouping = CardGrouping(reviews, cardCount: cardCount, card: \.card)
        let (starts, order) = (grouping.starts, grouping.order)

        var deltas: [Int32] = []
        var ratings: [UInt8] = []
        var cardStarts: [Int32] = [0]
        deltas.reserveCapacity(reviews.count)
        ratings.reserveCapacity(reviews.count)
        // The items with their sort key: the time of the predicted review.
        var keyed: [(time: Int64, item: Item)] = []
        keyed.reserveCapacity(reviews.count)
        for card in 0..<cardCount {
            var slice = Array(order[starts[card]..<starts[card + 1]])
            guard !slice.isEmpty else { continue }
            // Time order; reviews at the same moment keep their order in the history.
            slice.sort { (reviews[Int($0)].time, $0) < (reviews[Int($1)].time, $1) }
            // Cut to the last learning start; without one the card is left out, as in fsrs-rs.
            guard let start = slice.lastIndex(where: { reviews[Int($0)].startsLearning }) else { continue }
            let kept = slice[start...]
            let cardIndex = Int32(cardStarts.count - 1)
            var previousDay: Int64 = 0
            for (position, reviewIndex) in kept.enumerated() {
                let review = reviews[Int(reviewIndex)]
                let day = clock.day(ofMicroseconds: review.time)
                let delta = position == 0 ? 0 : Int32(clamping: max(0, day - previousDay))
                previousDay = day
                deltas.append(delta)
                ratings.append(UInt8(review.rating.rawValue))
                if delta > 0 {
                    keyed.append((review.time, Item(card: cardIndex, length: Int32(position + 1))))
                }
            }
            cardStarts.append(Int32(deltas.count))
        }
        keyed.sort { ($0.time, $0.item.card, $0.item.length) < ($1.time, $1.item.card, $1.item.length) }
        self.deltas = deltas
        self.ratings = ratings
        self.cardStarts = cardStarts
        items = keyed.map(\.item)
    }

    /// A set from explicit cards, each a list of (`delta_t`, rating), and items (for tests and
    /// fixtures that come as fsrs-rs items).
    public init(cards: [[(delta: Int32, rating: UInt8)]], items: [Item]) {
        deltas = cards.flatMap { $0.map(\.delta) }
        ratings = cards.flatMap { $0.map(\.rating) }
        var starts: [Int32] = [0]
        for card in cards { starts.append(starts[starts.count - 1] + Int32(card.count)) }
        cardStarts = starts
        self.items = items
    }

    /// The reviews of an item, as (`delta_t`, rating) pairs.
    public func reviews(of item: Item) -> [(delta: Int32, rating: UInt8)] {
        let start = Int(cardStarts[Int(item.card)])
        return (start..<start + Int(item.length)).map { (deltas[$0], ratings[$0]) }
    }

    /// The same cards with other items (a subset, or the items in another order).
    public func with(items: [Item]) -> TrainingSet {
        var copy = self
        copy.items = items
        return copy
    }
}
