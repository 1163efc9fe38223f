import Foundation

@testable import Scheduling

/// 2024-01-01 00:00:00 UTC, the start of the reference vectors.
let referenceStart = Date(timeIntervalSince1970: 1_704_067_200)

/// `a` and `b` agree to within `tolerance`, relative (absolute near zero).
func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-6) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance * max(abs(b), 1e-3)
}

/// Reviews a new card at each due time in turn and returns every state after a review.
func reviewOnTime(_ scheduler: some Scheduler, ratings: [Rating], start: Date = referenceStart) -> [CardState] {
    var state = CardState.new(due: start)
    var states: [CardState] = []
    for rating in ratings {
        state = scheduler.review(state, rating: rating, at: state.due)
        states.append(state)
    }
    return states
}

/// The wait from the last review to the due date, in seconds.
func wait(_ state: CardState) -> TimeInterval {
    state.due.timeIntervalSince(state.lastReview ?? state.due)
}

let minute: TimeInterval = 60
let day: TimeInterval = 86_400
