import Foundation
import Scheduling

/// Replays a review history through a scheduler: every card starts new at its first review and
/// its reviews are applied in time order (reviews at the same time in file order).
public enum Replay {
    /// The memory state after one review, compactly (a million of them fit in 32 MB).
    public struct Outcome: Sendable, Hashable {
        /// FSRS stability in days, or the SM-2 interval in days.
        public var stability: Double
        /// FSRS difficulty, or the SM-2 ease.
        public var difficulty: Double
        /// The next due time, in whole seconds since 1970 (rounded down).
        public var dueSeconds: Int64
        private var rawStep: Int32
        /// The phase after the review.
        public var phase: CardPhase

        /// The (re)learning step after the review, or `nil` outside the steps.
        public var step: Int? { rawStep < 0 ? nil : Int(rawStep) }

        /// The outcome recorded from a card's state after a review.
        public init(_ state: CardState) {
            stability = state.stability ?? 0
            difficulty = state.difficulty ?? 0
            // Rounded down (truncated, then one less below zero: cheaper than `floor`).
            let raw = state.due.timeIntervalSinceReferenceDate
            let seconds = raw.isFinite ? min(max(raw, -1e15), 1e15) : 0
            var whole = Int64(seconds)
            if Double(whole) > seconds { whole -= 1 }
            dueSeconds = whole + 978_307_200
            rawStep = Int32(clamping: state.step ?? -1)
            phase = state.phase
        }
    }

    /// The outcome of every review of `history`, in the history's (file) order.
    static func run<S: Scheduler>(_ history: ReviewHistory, scheduler: S) -> [Outcome] {
        history.reviews.withUnsafeBufferPointer { reviews in
            run(reviews, cardCount: history.cardCount, scheduler: scheduler)
        }
    }

    private static func run<S: Scheduler>(
        _ reviews: UnsafeBufferPointer<ReviewHistory.Review>, cardCount: Int, scheduler: S
    ) -> [Outcome] {
        // Group the reviews by card, keeping file order within each card.
        let grouping = CardGrouping(reviews, cardCount: cardCount, card: \.card)
        let starts = grouping.starts
        var order = grouping.order
        let placeholder = Outcome(CardState.new(due: Date(timeIntervalSince1970: 0)))
        var outcomes = [Outcome](repeating: placeholder, count: reviews.count)
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            order.withUnsafeMutableBufferPointer { order in
                for card in 0..<cardCount {
                    let slice = starts[card]..<starts[card + 1]
                    var inTimeOrder = true
                    for position in slice.dropFirst()
                    where reviews[Int(order[position])].time < reviews[Int(order[position - 1])].time {
                        inTimeOrder = false
                        break
                    }
                    if !inTimeOrder {
                        var cardOrder = UnsafeMutableBufferPointer(rebasing: order[slice])
                        cardOrder.sort {
                            (reviews[Int($0)].time, $0) < (reviews[Int($1)].time, $1)
                        }
                    }
                    var state: CardState?
                    for position in slice {
                        let index = Int(order[position])
                        let review = reviews[index]
                        let now = Date(timeIntervalSince1970: Double(review.time) / 1e6)
                        let reviewed = scheduler.review(
                            state ?? CardState.new(due: now), rating: review.rating, at: now)
                        outcomes[index] = Outcome(reviewed)
                        state = reviewed
                    }
                }
            }
        }
        return outcomes
    }
}
