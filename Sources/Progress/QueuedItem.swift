import Scheduling

/// One item of today's study queue, with the state the scheduler needs to answer it.
public struct QueuedItem: Sendable, Hashable {
    /// The item.
    public var ref: ItemRef
    /// The card it comes from.
    public var cardID: String
    /// Its current scheduling state.
    public var state: CardState

    /// Creates a queued item.
    public init(ref: ItemRef, cardID: String, state: CardState) {
        self.ref = ref
        self.cardID = cardID
        self.state = state
    }
}
