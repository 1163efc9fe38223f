import Progress

/// One line of a journal: a review, the undo of a review, or a change of a deck's settings.
public struct JournalEvent: Sendable, Hashable {
    /// What happened.
    public enum Body: Sendable, Hashable {
        /// An answer.
        case review(JournalReview)
        /// Takes back the review `of`, at `time` (Unix milliseconds).
        case undo(of: JournalEventID, time: Int64)
        /// A deck's settings were saved (`settings` is their JSON, as `DeckSettings` encodes it)
        /// or reset to the defaults (`nil`), at `time`; the latest change by time wins.
        case settings(deckID: String, time: Int64, settings: String?)
    }

    /// The event's globally unique id.
    public var id: JournalEventID
    /// What happened.
    public var body: Body

    /// Creates an event.
    public init(id: JournalEventID, body: Body) {
        self.id = id
        self.body = body
    }
}
