import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// A deck's settings, or the defaults when none were saved.
    public func settings(for deckID: String) throws -> DeckSettings {
        try read { db in try Self.settings(for: deckID, in: db, path: path) }
    }

    /// Saves a deck's settings, replacing any saved before.
    public func saveSettings(_ settings: DeckSettings, for deckID: String) throws {
        let configuration = settings.scheduler
        let arguments: [(any DatabaseValueConvertible)?] = [
            deckID, configuration.kind.rawValue, configuration.desiredRetention,
            Self.json(configuration.learningSteps), Self.json(configuration.relearningSteps),
            configuration.maximumInterval, configuration.parameters.map(Self.json), configuration.fuzz,
            settings.newCardsPerDay,
        ]
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO deck_settings (deck_id, scheduler, desired_retention, learning_steps,
                        relearning_steps, maximum_interval, fsrs_parameters, fuzz, new_per_day)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: StatementArguments(arguments))
        }
    }

    /// Forgets a deck's settings, so it uses the defaults again.
    public func resetSettings(for deckID: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM deck_settings WHERE deck_id = ?", arguments: [deckID]) }
    }

    /// A deck's settings read in an open transaction.
    static func settings(for deckID: String, in db: Database, path: String) throws -> DeckSettings {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT scheduler, desired_retention, learning_steps, relearning_steps, maximum_interval,
                           fsrs_parameters, fuzz, new_per_day
                    FROM deck_settings WHERE deck_id = ?
                    """),
            arguments: [deckID])
        guard let row else { return DeckSettings() }
        let kindText: String = row[0]
        guard let kind = SchedulerKind(rawValue: kindText) else {
            throw ProgressError.invalidValue(path: path, detail: "deck \"\(deckID)\" has an unknown scheduler \"\(kindText)\"")
        }
        let parameters: String? = row[5]
        let configuration = SchedulerConfiguration(
            kind: kind,
            desiredRetention: row[1],
            learningSteps: try numbers(row[2], deckID: deckID, path: path),
            relearningSteps: try numbers(row[3], deckID: deckID, path: path),
            maximumInterval: row[4],
            parameters: try parameters.map { try numbers($0, deckID: deckID, path: path) },
            fuzz: row[6])
        return DeckSettings(scheduler: configuration, newCardsPerDay: row[7])
    }

    /// A JSON array of numbers, as stored.
    private static func json(_ numbers: [Double]) -> String {
        "[" + numbers.map { "\($0)" }.joined(separator: ",") + "]"
    }

    /// Parses a stored JSON array of numbers.
    private static func numbers(_ text: String, deckID: String, path: String) throws -> [Double] {
        guard let numbers = try? JSONDecoder().decode([Double].self, from: Data(text.utf8)) else {
            throw ProgressError.invalidValue(path: path, detail: "deck \"\(deckID)\" has a malformed list \(text)")
        }
        return numbers
    }
}
