import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// A deck's settings, or the defaults when none were saved.
    public func settings(for deckID: String) throws -> DeckSettings {
        try read { db in try Self.settings(for: deckID, in: db, path: path) }
    }

    /// Saves a deck's settings, replacing any saved before.
    ///
    /// - Throws: `SchedulerConfigurationError` for settings no scheduler can use (nothing is
    ///   saved), or a `ProgressError`.
    public func saveSettings(_ settings: DeckSettings, for deckID: String) throws {
        try settings.scheduler.validate()
        try write { db in try DeckSettingsRecord(settings, deckID: deckID).save(db) }
    }

    /// Forgets a deck's settings, so it uses the defaults again.
    public func resetSettings(for deckID: String) throws {
        try write { db in _ = try DeckSettingsRecord.deleteOne(db, key: deckID) }
    }

    /// A deck's settings read in an open transaction.
    ///
    /// - Throws: `ProgressError.invalidValue` when the saved row cannot be used (edited by hand).
    static func settings(for deckID: String, in db: Database, path: String) throws -> DeckSettings {
        let record: DeckSettingsRecord?
        do {
            record = try DeckSettingsRecord.fetchOne(db, key: deckID)
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw ProgressError.invalidValue(
                path: path, detail: "deck \"\(deckID)\" has settings recall cannot read (\(error))")
        }
        return try record?.settings(path: path) ?? DeckSettings()
    }
}
