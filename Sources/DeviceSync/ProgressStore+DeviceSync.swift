import Foundation
import GRDB
import Progress

extension ProgressStore {
    /// This store's device id: random, made when the store was created (or upgraded).
    public func deviceID() throws -> String {
        try deviceSyncRead { db in try JournalSync.OwnState(db).device }
    }

    /// The configured sync folder (`recall settings --sync-dir`), if any.
    public func syncFolder() throws -> String? {
        try deviceSyncRead { db in try String.fetchOne(db, sql: "SELECT folder FROM device_sync_state") }
    }

    /// Configures the sync folder (`nil` forgets it).
    public func setSyncFolder(_ folder: String?) throws {
        try deviceSyncWrite { db in try db.execute(sql: "UPDATE device_sync_state SET folder = ?", arguments: [folder])
        }
    }
}
