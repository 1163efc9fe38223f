import Foundation
import GRDB
import Progress

extension JournalSync {
    /// Gives the store a new device id, for a store file that was copied to another machine
    /// (`recall sync --new-device`).
    ///
    /// The events this device's journal in the folder agrees with stay under the old id (the
    /// other copy shares them); every later local event is renumbered under the new id and
    /// will be written to the new journal by the next sync.
    ///
    /// - Returns: the old and the new device id.
    @discardableResult
    public func newDevice() throws -> (old: String, new: String) {
        try prepareFolder()
        let lock = try SyncLock(path: store.path + ".sync-lock")
        defer { lock.release() }
        let own = try store.deviceSyncRead { db in try OwnState(db) }
        // How many of this device's first events the journal in the folder agrees with.
        var agreed: Int64 = 0
        let path = journalPath(of: own.device)
        if fileSize(path) != nil, own.writtenThrough > 0 {
            var expected: [JournalEvent] = []
            try ownEvents(from: 1, through: own.writtenThrough) { expected += $0 }
            var differs = false
            _ = try JournalReader(path: path).forEachLine(from: 0, line: 0) { _, bytes in
                guard !differs, agreed < Int64(expected.count) else { return }
                if let event = try? JournalFormat.event(bytes), event == expected[Int(agreed)] {
                    agreed += 1
                } else {
                    differs = true
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        let fresh = String(format: "%016llx", generator.next() as UInt64)
        try store.deviceSyncWrite { db in
            let ledger = try SyncLedger(db: db, store: store)
            let oldRef = try ledger.ref(for: own.device)
            let newRef = try ledger.ref(for: fresh)
            let range = SyncLedger.range(ref: oldRef, from: agreed + 1, through: (1 << SyncLedger.sequenceBits) - 1)
            let shift =
                "(\(newRef) << \(SyncLedger.sequenceBits)) | ((%1$@ & \((1 << SyncLedger.sequenceBits) - 1)) - \(agreed))"
            for (table, column) in [
                ("review_origin", "origin"), ("device_sync_undone", "origin"), ("device_sync_undone", "undo_origin"),
                ("device_sync_setting_event", "origin"),
            ] {
                try db.execute(
                    sql:
                        "UPDATE \(table) SET \(column) = \(String(format: shift, column)) WHERE \(column) BETWEEN ? AND ?",
                    arguments: [range.lowerBound, range.upperBound])
            }
            try db.execute(
                sql: """
                    UPDATE device_sync_state SET device_id = ?, next_sequence = ?, written_through = 0, journal_size = 0
                    """,
                arguments: [fresh, max(1, own.nextSequence - agreed)])
        }
        return (own.device, fresh)
    }
}
