import Scheduling

/// A deck's study settings: its scheduler and how many new cards it introduces a day.
public struct DeckSettings: Sendable, Hashable, Codable {
    /// The default number of new cards a deck introduces per study day.
    public static let defaultNewCardsPerDay = 20

    /// The scheduler, desired retention, (re)learning steps and FSRS parameters.
    public var scheduler: SchedulerConfiguration
    /// How many never-studied cards a study day introduces at most (0 for none).
    public var newCardsPerDay: Int
    /// Whether answering one item of a card in a study session buries the card's other items
    /// (its reverse, its other cloze deletions) until the next study day, as Anki does.
    public var burySiblings: Bool

    /// Creates settings; the defaults are FSRS-6 with its reference defaults, 20 new cards a
    /// day and siblings buried.
    public init(
        scheduler: SchedulerConfiguration = SchedulerConfiguration(), newCardsPerDay: Int = defaultNewCardsPerDay,
        burySiblings: Bool = true
    ) {
        self.scheduler = scheduler
        self.newCardsPerDay = newCardsPerDay
        self.burySiblings = burySiblings
    }
}
