import Scheduling

/// A deck's study settings: its scheduler and how many new cards it introduces a day.
public struct DeckSettings: Sendable, Hashable, Codable {
    /// The default number of new cards a deck introduces per study day.
    public static let defaultNewCardsPerDay = 20

    /// The scheduler, desired retention, (re)learning steps and FSRS parameters.
    public var scheduler: SchedulerConfiguration
    /// How many never-studied cards a study day introduces at most (0 for none).
    public var newCardsPerDay: Int

    /// Creates settings; the defaults are FSRS-6 with its reference defaults and 20 new cards a day.
    public init(scheduler: SchedulerConfiguration = SchedulerConfiguration(), newCardsPerDay: Int = defaultNewCardsPerDay) {
        self.scheduler = scheduler
        self.newCardsPerDay = newCardsPerDay
    }
}
