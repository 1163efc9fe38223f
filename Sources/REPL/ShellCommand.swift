import Scheduling

/// A command typed at the main prompt, parsed and checked.
public enum ShellCommand: Sendable, Hashable {
    /// List the decks.
    case decks
    /// Study what is due.
    case study(StudyRequest)
    /// Take a practice quiz.
    case quiz(QuizRequest)
    /// Show statistics, for one deck or all.
    case stats(deck: String?)
    /// View or change settings.
    case settings(SettingsRequest)
    /// Show help, for one command or all.
    case help(topic: String?)
    /// Leave recall.
    case quit
}

/// What to study: decks (all when empty) and tags (any of them; all cards when empty).
public struct StudyRequest: Sendable, Hashable {
    /// Deck ids; empty means every deck.
    public var decks: [String]
    /// Card or deck tags; empty means every card.
    public var tags: [String]

    /// Creates a request.
    public init(decks: [String] = [], tags: [String] = []) {
        self.decks = decks
        self.tags = tags
    }
}

/// What to quiz on, and how many questions.
public struct QuizRequest: Sendable, Hashable {
    /// The default number of questions.
    public static let defaultCount = 10
    /// The most questions a quiz may have.
    public static let maximumCount = 1000
    /// Deck ids; empty means every deck.
    public var decks: [String]
    /// Card or deck tags; empty means every card.
    public var tags: [String]
    /// How many questions.
    public var count: Int

    /// Creates a request.
    public init(decks: [String] = [], tags: [String] = [], count: Int = QuizRequest.defaultCount) {
        self.decks = decks
        self.tags = tags
        self.count = count
    }
}

/// A deck's settings to show, and the changes to make if any.
public struct SettingsRequest: Sendable, Hashable {
    /// The lowest desired retention accepted.
    public static let retentionRange: ClosedRange<Double> = 0.7...0.99
    /// The range of new cards per day accepted.
    public static let newPerDayRange: ClosedRange<Int> = 0...9999
    /// The deck, or `nil` for the defaults every deck without its own settings uses.
    public var deck: String?
    /// The new scheduler, if it changes.
    public var scheduler: SchedulerKind?
    /// The new desired retention, if it changes.
    public var desiredRetention: Double?
    /// The new number of new cards per day, if it changes.
    public var newCardsPerDay: Int?

    /// Creates a request.
    public init(
        deck: String? = nil, scheduler: SchedulerKind? = nil, desiredRetention: Double? = nil,
        newCardsPerDay: Int? = nil
    ) {
        self.deck = deck
        self.scheduler = scheduler
        self.desiredRetention = desiredRetention
        self.newCardsPerDay = newCardsPerDay
    }

    /// Whether anything changes (otherwise the settings are only shown).
    public var changesSomething: Bool {
        scheduler != nil || desiredRetention != nil || newCardsPerDay != nil
    }
}
