import Decks
import Foundation
import Scheduling

@testable import Study

/// A tiny, predictable scheduler: learning steps of 1 and 10 minutes, reviews of 1 to 9 days.
struct FakeScheduler: Scheduler {
    /// Added to every review interval, to tell two fake schedulers apart.
    var extraDays: Double = 0

    func review(_ state: CardState, rating: Rating, at now: Date) -> CardState {
        var next = state
        next.reps += 1
        next.lastReview = now
        let day: TimeInterval = 86_400
        let learningPhase: CardPhase = state.phase == .review || state.phase == .relearning ? .relearning : .learning
        switch (rating, state.phase) {
        case (.again, .review):
            next.lapses += 1
            (next.phase, next.step, next.due) = (.relearning, 0, now + 60)
        case (.again, _):
            (next.phase, next.step, next.due) = (learningPhase, 0, now + 60)
        case (.hard, .review):
            next.due = now + (2 + extraDays) * day
        case (.hard, _):
            (next.phase, next.step, next.due) = (learningPhase, state.step ?? 0, now + 300)
        case (.good, .new):
            (next.phase, next.step, next.due) = (.learning, 1, now + 600)
        case (.good, .review):
            next.due = now + (4 + extraDays) * day
        case (.good, _):
            (next.phase, next.step, next.due) = (.review, nil, now + (1 + extraDays) * day)
        case (.easy, _):
            (next.phase, next.step, next.due) = (.review, nil, now + (9 + extraDays) * day)
        }
        return next
    }

    func retrievability(of state: CardState, at now: Date) -> Double? { nil }
}

let t0 = Date(timeIntervalSince1970: 1_800_000_000)

func basicCard(_ id: String, deck: String = "plot", phase: CardPhase, due: Date = t0) -> StudyCard {
    var state = CardState.new(due: due)
    if phase != .new {
        state = CardState(
            phase: phase, step: phase == .review ? nil : 0, stability: 3, difficulty: 5, due: due,
            lastReview: due - 86_400, reps: 2)
    }
    return StudyCard(
        item: StudyItem(deckID: deck, cardID: id, variant: .forward),
        card: Card(id: id, content: .basic(front: "front of \(id)", back: "back of \(id)", reverse: false)),
        deckTitle: deck.capitalized, state: state
    )
}

extension StudySession {
    /// Answers every question with `rating`, one second apart from `start`, and returns the
    /// card ids in the order asked.
    mutating func drain(rating: Rating = .good, from start: Date = t0, step: TimeInterval = 1) -> [String] {
        var order: [String] = []
        var now = start
        while let question = next(at: now) {
            order.append(question.item.cardID)
            _ = rate(rating, at: now)
            now += step
            if order.count > 1000 { break }
        }
        return order
    }
}
