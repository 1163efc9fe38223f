import Scheduling

/// A study answer as `ProgressStore.recordStudy` saved it.
public struct SavedAnswer: Sendable, Hashable {
    /// The review-log row's id.
    public var id: Int64
    /// The item's state the answer was applied to (the one in the store when it was saved).
    public var before: CardState
    /// The item's state after the answer.
    public var after: CardState?
    /// Whether the item had been answered elsewhere since it was shown, so the answer was
    /// applied to that newer state rather than the one shown.
    public var rescheduled: Bool

    /// Creates a saved answer from its parts.
    public init(id: Int64, before: CardState, after: CardState?, rescheduled: Bool) {
        self.id = id
        self.before = before
        self.after = after
        self.rescheduled = rescheduled
    }
}
