import GRDB
import Scheduling

/// A row of `deck_settings`: one deck's `DeckSettings`, column for column (the step lists and
/// FSRS parameters as JSON arrays).
struct DeckSettingsRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "deck_settings"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var deckId: String
    var scheduler: SchedulerKind
    var desiredRetention: Double
    var learningSteps: [Double]
    var relearningSteps: [Double]
    var maximumInterval: Int
    var fsrsParameters: [Double]?
    var fuzz: Bool
    var newPerDay: Int
    var burySiblings: Bool

    /// The row of `settings` for deck `deckID`.
    init(_ settings: DeckSettings, deckID: String) {
        let configuration = settings.scheduler
        deckId = deckID
        scheduler = configuration.kind
        desiredRetention = configuration.desiredRetention
        learningSteps = configuration.learningSteps
        relearningSteps = configuration.relearningSteps
        maximumInterval = configuration.maximumInterval
        fsrsParameters = configuration.parameters
        fuzz = configuration.fuzz
        newPerDay = settings.newCardsPerDay
        burySiblings = settings.burySiblings
    }

    /// The settings this row holds, checked as `settings` checks them when they are set.
    func settings(path: String) throws -> DeckSettings {
        let configuration = SchedulerConfiguration(
            kind: scheduler, desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval, parameters: fsrsParameters,
            fuzz: fuzz)
        do {
            try configuration.validate()  // FSRS parameters through `FSRSParameters.init(_:)`
        } catch {
            throw ProgressError.invalidValue(
                path: path, detail: "deck \"\(deckId)\" has settings recall cannot use: \(error)")
        }
        guard newPerDay >= 0 else {
            throw ProgressError.invalidValue(path: path, detail: "deck \"\(deckId)\" has \(newPerDay) new cards a day")
        }
        return DeckSettings(scheduler: configuration, newCardsPerDay: newPerDay, burySiblings: burySiblings)
    }
}
