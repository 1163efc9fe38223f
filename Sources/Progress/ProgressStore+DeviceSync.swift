import Foundation
import GRDB
import Scheduling

extension ProgressStore {
    /// Runs `updates` in one `BEGIN IMMEDIATE` transaction for device sync (the `DeviceSync`
    /// target), with the store's error mapping; see `write`.
    package func deviceSyncWrite<T>(foreignKeyChecks: Bool = true, _ updates: (Database) throws -> T) throws -> T {
        try write(foreignKeyChecks: foreignKeyChecks, updates)
    }

    /// Runs `body` in one read transaction for device sync; see `read`.
    package func deviceSyncRead<T>(_ body: (Database) throws -> T) throws -> T {
        try read(body)
    }

    /// The store's column values of `state` (phase, step, stability, difficulty, due, last
    /// review, reps, lapses), in the order of `deviceSyncStateColumns`.
    package static func deviceSyncValues(of state: CardState) -> [(any DatabaseValueConvertible)?] {
        StateColumns.values(of: state)
    }

    /// The eight state column names, with `prefix`, comma-separated.
    package static func deviceSyncStateColumns(prefix: String = "") -> String {
        StateColumns.list(prefix: prefix)
    }

    /// The state stored in `row` from column `offset` on, or `nil` when its phase is NULL.
    package func deviceSyncState(in row: Row, at offset: Int) throws -> CardState? {
        do {
            return try StateColumns.state(in: row, at: offset)
        } catch let error as StateDecodingError {
            throw ProgressError.invalidValue(path: path, detail: error.detail)
        }
    }

    /// A deck's settings read inside a device-sync transaction.
    package func deviceSyncSettings(for deckID: String, in db: Database) throws -> DeckSettings {
        try Self.settings(for: deckID, in: db, path: path)
    }
}

extension ProgressStore {
    /// Saves (or, with `nil`, resets) a deck's settings inside a device-sync transaction.
    package static func deviceSyncSaveSettings(_ settings: DeckSettings?, for deckID: String, in db: Database) throws {
        if let settings {
            try DeckSettingsRecord(settings, deckID: deckID).save(db)
        } else {
            _ = try DeckSettingsRecord.deleteOne(db, key: deckID)
        }
    }
}

extension ProgressStore {
    /// The study day an answer given at `milliseconds` is filed under in this store.
    package func deviceSyncStudyDay(ofMilliseconds milliseconds: Int64) -> Int64 {
        Int64(studyDays.number(ofMilliseconds: milliseconds))
    }
}
