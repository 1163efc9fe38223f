import Decks
import Foundation
import Scheduling

/// Everything a study session's undo restores: the queues, the question being asked, the
/// tallies and the random generator.
struct SessionQueues: Sendable {
    /// A learning item waiting for its step; ordered by due time, then arrival.
    struct Waiting: Sendable, Hashable {
        var card: StudyCard
        var arrival: Int
    }

    /// Learning and relearning items, soonest due first.
    var learning: [Waiting] = []
    /// Reviews, in the order given.
    var reviews: [StudyCard] = []
    /// New items, in the order given.
    var new: [StudyCard] = []
    /// Skipped items, in the order skipped.
    var skipped: [StudyCard] = []
    /// The item being asked.
    var current: PresentedQuestion?
    /// Reviews shown since the last new item (for interleaving).
    var reviewsSinceNew = 0
    /// The next arrival number (keeps the learning queue's order stable).
    var arrivals = 0
    /// Chance, for shuffling choices.
    var random: SplitMix64

    // Tallies.
    var studied = 0
    var newStudied = 0
    var ratings: [Rating: Int] = [:]
    var buried = 0
    var suspended = 0
    var answeringTime: TimeInterval = 0

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Puts a learning item in its place: by due time, after items due at the same time.
    mutating func enqueueLearning(_ card: StudyCard) {
        let waiting = Waiting(card: card, arrival: arrivals)
        arrivals += 1
        let index = learning.firstIndex { $0.card.state.due > card.state.due } ?? learning.endIndex
        learning.insert(waiting, at: index)
    }

    /// Takes the next item to ask at `now`, or `nil` when the session is over: a due
    /// learning item, else a review or new item (interleaved as `StudySession` documents),
    /// else a skipped item, else a learning item due within `learnAhead` seconds.
    mutating func takeNext(at now: Date, learnAhead: TimeInterval) -> StudyCard? {
        if let first = learning.first, first.card.state.due <= now {
            return learning.removeFirst().card
        }
        if !reviews.isEmpty || !new.isEmpty {
            let showNew = reviews.isEmpty || (!new.isEmpty && reviewsSinceNew >= max(1, reviews.count / new.count))
            if showNew {
                reviewsSinceNew = 0
                return new.removeFirst()
            }
            reviewsSinceNew += 1
            return reviews.removeFirst()
        }
        if !skipped.isEmpty {
            return skipped.removeFirst()
        }
        if let first = learning.first, first.card.state.due <= now.addingTimeInterval(learnAhead) {
            return learning.removeFirst().card
        }
        return nil
    }

    /// Takes the other items of `item`'s card (same deck and card, another key) out of the
    /// review, new and skipped queues, and returns them in queue order.
    mutating func removeSiblings(of item: StudyItem) -> [StudyItem] {
        func isSibling(_ card: StudyCard) -> Bool {
            card.item.deckID == item.deckID && card.item.cardID == item.cardID && card.item.key != item.key
        }
        let siblings = (reviews + new + skipped).filter(isSibling).map(\.item)
        guard !siblings.isEmpty else { return [] }
        reviews.removeAll(where: isSibling)
        new.removeAll(where: isSibling)
        skipped.removeAll(where: isSibling)
        return siblings
    }

    /// Items left by category, counting the one being asked; learning items count when
    /// due within `learnAhead` seconds of `now`.
    func counts(at now: Date, learnAhead: TimeInterval) -> QueueCounts {
        var counts = QueueCounts()
        let horizon = now.addingTimeInterval(learnAhead)
        for waiting in learning where waiting.card.state.due <= horizon {
            counts.add(waiting.card.category)
        }
        for card in reviews + new + skipped {
            counts.add(card.category)
        }
        if let current { counts.add(current.card.category) }
        return counts
    }
}
