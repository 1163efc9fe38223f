import Foundation

/// A spaced-repetition algorithm: a pure function from (state, rating, time) to the next state.
///
/// Implementations are value types with no I/O and no hidden clock: every method takes
/// the moment it should act at, so the same inputs always give the same outputs.
public protocol Scheduler: Sendable {
    /// The state after reviewing `state` with `rating` at `now`.
    func review(_ state: CardState, rating: Rating, at now: Date) -> CardState

    /// The probability of recalling the card at `now`, or `nil` for a card never reviewed.
    func retrievability(of state: CardState, at now: Date) -> Double?
}

extension Scheduler {
    /// The four possible next states, one per rating, for showing intervals beside the buttons.
    public func preview(_ state: CardState, at now: Date) -> [Rating: CardState] {
        var outcomes: [Rating: CardState] = [:]
        for rating in Rating.allCases {
            outcomes[rating] = review(state, rating: rating, at: now)
        }
        return outcomes
    }
}
