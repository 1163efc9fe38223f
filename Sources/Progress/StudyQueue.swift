import Foundation

/// Today's study queue over some decks, as the store sees it at one moment.
///
/// Suspended, buried and orphaned items are left out.
public struct StudyQueue: Sendable, Hashable {
    /// Learning and relearning items due before the study day ends, soonest first.
    /// Some may be due a little later than now: show them when their time comes.
    public var learning: [QueuedItem]
    /// Review items due before the study day ends, most overdue first.
    public var review: [QueuedItem]
    /// Never-studied items that today's new-card limits allow, deck by deck in deck order.
    public var new: [QueuedItem]
    /// For each deck, how many more new cards today allows (after the ones in `new`, none).
    public var newAllowance: [String: NewCardAllowance]

    /// Creates a queue from its parts.
    public init(
        learning: [QueuedItem] = [], review: [QueuedItem] = [], new: [QueuedItem] = [],
        newAllowance: [String: NewCardAllowance] = [:]
    ) {
        self.learning = learning
        self.review = review
        self.new = new
        self.newAllowance = newAllowance
    }

    /// Whether there is nothing to study.
    public var isEmpty: Bool { learning.isEmpty && review.isEmpty && new.isEmpty }

    /// How many items the queue holds.
    public var count: Int { learning.count + review.count + new.count }
}
