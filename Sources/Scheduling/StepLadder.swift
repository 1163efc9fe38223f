import Foundation

/// The (re)learning steps of a card, and where an answer moves it on them (py-fsrs semantics).
struct StepLadder: Sendable, Hashable {
    /// What an answer does to a card on the steps.
    enum Outcome: Equatable {
        /// Stay on (or go back to) step `index`, due again after `seconds`.
        case step(index: Int, seconds: TimeInterval)
        /// Leave the steps for the review phase.
        case graduate
    }

    /// The step durations in seconds.
    let steps: [TimeInterval]

    /// Where `rating` moves a card that is at step `step`.
    ///
    /// Again goes back to step 0; Hard at step 0 waits halfway between the first two steps
    /// (1.5 × the only step when there is one), and at a later step repeats it; Good moves to
    /// the next step or graduates after the last; Easy graduates. A card past the end of the
    /// steps (the steps were shortened since) graduates on anything but Again.
    func outcome(of rating: Rating, at step: Int) -> Outcome {
        guard let first = steps.first, step < steps.count || rating == .again else { return .graduate }
        switch rating {
        case .again:
            return .step(index: 0, seconds: first)
        case .hard:
            if step == 0 {
                return .step(index: 0, seconds: steps.count == 1 ? first * 1.5 : (first + steps[1]) / 2)
            }
            return .step(index: step, seconds: steps[step])
        case .good:
            return step + 1 >= steps.count ? .graduate : .step(index: step + 1, seconds: steps[step + 1])
        case .easy:
            return .graduate
        }
    }
}
