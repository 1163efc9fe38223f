import Foundation
import Optimizer
import Progress
import Replay
import Scheduling

/// A review history for `recall optimize`: the study reviews, numbered by card, and where
/// they came from.
struct OptimizerHistory {
    /// The reviews (card numbers index `items` for a store's history).
    var reviews: [HistoryReview]
    /// How many cards there are.
    var cardCount: Int
    /// For a store's history, the item each card number stands for.
    var items: [ItemRef]
    /// The study days: local days with the store's rollover hour.
    var clock: StudyDayClock

    /// The study reviews of `deckIDs` in `store` (practice answers and manual changes left
    /// out); a review of a new card starts its learning.
    static func read(from store: ProgressStore, deckIDs: [String]) throws -> OptimizerHistory {
        var numbers: [ItemRef: Int32] = [:]
        var items: [ItemRef] = []
        var reviews: [HistoryReview] = []
        try store.forEachReview(deckIDs: deckIDs, kinds: [.study]) { review in
            guard let rating = review.rating else { return }
            let number: Int32
            if let known = numbers[review.item] {
                number = known
            } else {
                number = Int32(items.count)
                numbers[review.item] = number
                items.append(review.item)
            }
            reviews.append(
                HistoryReview(
                    card: number, time: Int64((review.time.timeIntervalSince1970 * 1_000).rounded()) * 1_000,
                    rating: rating,
                    startsLearning: review.before.phase == .new))
        }
        let rollover = store.dayRollover
        return OptimizerHistory(
            reviews: reviews, cardCount: items.count, items: items,
            clock: StudyDayClock(timeZone: rollover.calendar.timeZone, rolloverHour: rollover.hour))
    }

    /// A history read from CSV: each card's earliest review starts its learning; days are
    /// local to the process's time zone, with the default rollover hour.
    static func read(csv history: ReviewHistory) -> OptimizerHistory {
        let reviews = history.reviews.map {
            HistoryReview(card: $0.card, time: $0.time, rating: $0.rating, startsLearning: false)
        }
        return OptimizerHistory(
            reviews: HistoryReview.markingEarliestPerCard(reviews, cardCount: history.cardCount),
            cardCount: history.cardCount, items: [],
            clock: StudyDayClock(timeZone: .current, rolloverHour: DayRollover().hour))
    }

    /// Each card's memory state (stability, difficulty) after replaying its reviews, from its
    /// last learning start, through `scheduler`; cards of decks `scheduler(for:)` gives no
    /// scheduler for are left out.
    func memoryStates(scheduler: (String) -> FSRS?) -> [(item: ItemRef, stability: Double, difficulty: Double)] {
        var byCard = [[Int]](repeating: [], count: cardCount)
        for (index, review) in reviews.enumerated() { byCard[Int(review.card)].append(index) }
        var states: [(item: ItemRef, stability: Double, difficulty: Double)] = []
        for (card, indices) in byCard.enumerated() where !indices.isEmpty && card < items.count {
            guard let fsrs = scheduler(items[card].deckID) else { continue }
            let ordered = indices.sorted { (reviews[$0].time, $0) < (reviews[$1].time, $1) }
            guard let start = ordered.lastIndex(where: { reviews[$0].startsLearning }) else { continue }
            var state = CardState.new(due: Self.date(reviews[ordered[start]].time))
            for index in ordered[start...] {
                state = fsrs.review(state, rating: reviews[index].rating, at: Self.date(reviews[index].time))
            }
            if let stability = state.stability, let difficulty = state.difficulty {
                states.append((items[card], stability, difficulty))
            }
        }
        return states
    }

    /// A time in microseconds since 1970 as a date.
    private static func date(_ microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1e6)
    }
}
