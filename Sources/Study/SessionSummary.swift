import Decks
import Foundation
import Scheduling

/// The end-of-session screen's figures.
///
/// "What is due next and when" beyond this session comes from the progress store; the
/// summary gives what only the session knows: the learning items still in their steps.
public struct SessionSummary: Sendable, Hashable {
    /// Answers given (undone ones not counted).
    public var studied: Int
    /// Of those, items that were new.
    public var newStudied: Int
    /// Answers counted right: rated hard, good or easy.
    public var right: Int
    /// Answers counted wrong: rated again.
    public var wrong: Int
    /// How many answers got each rating (every rating present, zero when unused).
    public var ratings: [Rating: Int]
    /// Items buried during the session.
    public var buried: Int
    /// Items suspended during the session.
    public var suspended: Int
    /// When the session started.
    public var startedAt: Date
    /// Wall-clock time from the start to the moment the summary was made.
    public var elapsed: TimeInterval
    /// The sum of the answers' durations (each capped, see ``StudySessionOptions``).
    public var answeringTime: TimeInterval
    /// Learning items left in their steps, soonest first: they are due later than the
    /// session could wait for (or the session was quit).
    public var pendingLearning: [PendingItem]
    /// Items not reached, by category (non-zero when the session was quit early).
    public var notReached: QueueCounts

    /// Creates a summary from its parts (the session makes them; this is for tests and
    /// screens).
    public init(
        studied: Int, newStudied: Int, right: Int, wrong: Int, ratings: [Rating: Int], buried: Int, suspended: Int,
        startedAt: Date, elapsed: TimeInterval, answeringTime: TimeInterval, pendingLearning: [PendingItem],
        notReached: QueueCounts
    ) {
        self.studied = studied
        self.newStudied = newStudied
        self.right = right
        self.wrong = wrong
        self.ratings = ratings
        self.buried = buried
        self.suspended = suspended
        self.startedAt = startedAt
        self.elapsed = elapsed
        self.answeringTime = answeringTime
        self.pendingLearning = pendingLearning
        self.notReached = notReached
    }

    /// A learning item still to come back, and when.
    public struct PendingItem: Sendable, Hashable {
        /// The item.
        public var item: StudyItem
        /// When its next step is due.
        public var due: Date

        /// Creates a pending item.
        public init(item: StudyItem, due: Date) {
            self.item = item
            self.due = due
        }
    }
}
