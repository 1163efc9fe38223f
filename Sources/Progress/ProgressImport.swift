import Scheduling

/// One deck's progress brought in from elsewhere (an Anki package): its items with their
/// states, the review history, and its settings. See `ProgressStore.importProgress(_:at:)`.
public struct ProgressImport: Sendable {
    /// One study item and its state.
    public struct Item: Sendable, Hashable {
        /// The item key (`card`, `card#reverse`, `card#c2`).
        public var key: String
        /// The card it belongs to.
        public var cardID: String
        /// The card's content hash (`Card.contentHash`).
        public var contentHash: String
        /// Its schedule.
        public var state: CardState
        /// Whether it is suspended.
        public var suspended: Bool

        /// An item.
        public init(key: String, cardID: String, contentHash: String, state: CardState, suspended: Bool = false) {
            self.key = key
            self.cardID = cardID
            self.contentHash = contentHash
            self.state = state
            self.suspended = suspended
        }
    }

    /// The deck.
    public var deckID: String
    /// Every item of the deck, in deck order (the order new cards are introduced in).
    public var items: [Item]
    /// The answers, oldest first per item; their `item` must be among `items`.
    public var reviews: [ReviewRecord]
    /// The deck's settings, or `nil` to keep what the store has.
    public var settings: DeckSettings?
    /// More answers, produced inside the transaction after `reviews` (through the function
    /// it is given, in order), so that a large history never sits in memory all at once.
    public var streamedAnswers: (@Sendable (_ emit: (StreamedAnswer) throws -> Void) throws -> Void)?
    /// About how many answers `streamedAnswers` gives (the store writes a large history in
    /// bulk, so it needs to know one is coming).
    public var expectedStreamedAnswers: Int

    /// One study answer of a streamed history: its item (an index into `items`), its time
    /// in Unix milliseconds, its rating and duration, and the item's state before and after.
    public struct StreamedAnswer: Sendable {
        /// The index of the answered item in `items`.
        public var item: Int
        /// When it was given, Unix milliseconds.
        public var time: Int64
        /// The rating.
        public var rating: Rating
        /// How long it took.
        public var durationMilliseconds: Int
        /// The state before the answer.
        public var before: CardState
        /// The state after it.
        public var after: CardState

        /// An answer.
        public init(
            item: Int, time: Int64, rating: Rating, durationMilliseconds: Int, before: CardState, after: CardState
        ) {
            self.item = item
            self.time = time
            self.rating = rating
            self.durationMilliseconds = durationMilliseconds
            self.before = before
            self.after = after
        }
    }

    /// A deck's progress.
    public init(
        deckID: String, items: [Item], reviews: [ReviewRecord] = [], settings: DeckSettings? = nil,
        streamedAnswers: (@Sendable (_ emit: (StreamedAnswer) throws -> Void) throws -> Void)? = nil,
        expectedStreamedAnswers: Int = 0
    ) {
        self.deckID = deckID
        self.items = items
        self.reviews = reviews
        self.settings = settings
        self.streamedAnswers = streamedAnswers
        self.expectedStreamedAnswers = expectedStreamedAnswers
    }
}
