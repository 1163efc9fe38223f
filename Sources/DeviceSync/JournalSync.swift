import Foundation
import GRDB
import Progress

/// Syncs a store with other devices through a folder that git, Syncthing, Dropbox or a
/// network share replicates (`recall sync DIR`).
///
/// Each device appends its own events to `DIR/recall/DEVICE-ID.jsonl` and only reads the
/// others' journals, so no file is ever written by two devices and no file-sync tool sees a
/// conflict. A sync:
/// 1. checks this device's journal (rewriting it from the store when it was deleted);
/// 2. numbers the local reviews, undos and settings changes not journaled yet, and appends
///    them (then `fsync`);
/// 3. reads every other journal from where it last stopped, inserts the reviews it has not
///    seen, applies undos and the latest settings, and recomputes the memory state of every
///    item they touch by replaying its merged history, all in one transaction together with
///    the new read positions.
///
/// It is idempotent and order-independent: stores that have read the same events hold the
/// same reviews and the same states, whatever order they synced in. A kill at any moment
/// loses nothing: the next sync completes the work.
public struct JournalSync: Sendable {
    /// How far in the future a review may be dated before it is noted as clock skew.
    public static let skewTolerance: Int64 = 5 * 60 * 1000

    /// The store.
    public let store: ProgressStore
    /// The sync folder given by the user (the journals are in its `recall` subfolder).
    public let folder: String
    /// The clock (for noting reviews dated in the future).
    public let now: @Sendable () -> Date
    /// When a merge takes its bulk path (tests make it take it with a few reviews).
    var tuning = MergeTuning()

    /// Syncs `store` through `folder`.
    public init(store: ProgressStore, folder: String, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.folder = folder
        self.now = now
    }

    /// The folder holding the journals: `folder/recall`.
    public var journalFolder: String { (folder as NSString).appendingPathComponent("recall") }

    /// The journal of device `device`.
    public func journalPath(of device: String) -> String {
        (journalFolder as NSString).appendingPathComponent(device + ".jsonl")
    }

    /// Runs one sync, reporting how far its long stages have got to `progress` (on this
    /// thread).
    ///
    /// - Throws: `DeviceSyncError` (a duplicate device id, an unusable folder, an unreadable
    ///   journal) or a `ProgressError`; what was committed before stays, and the next sync
    ///   continues from there.
    @discardableResult
    public func run(progress: (SyncProgress) -> Void = { _ in }) throws -> JournalSyncReport {
        try prepareFolder()
        let lock = try SyncLock(path: store.path + ".sync-lock")
        defer { lock.release() }
        var report = JournalSyncReport(deviceID: try store.deviceID())
        try checkOwnJournal(&report)
        try journalLocalEvents(&report)
        try appendOwnEvents(&report)
        try mergeOtherJournals(&report, progress: progress)
        return report
    }

    /// Creates `folder/recall` when missing.
    func prepareFolder() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DeviceSyncError.unusableFolder(path: folder, reason: "it is not a folder")
        }
        if FileManager.default.fileExists(atPath: journalFolder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DeviceSyncError.unusableFolder(path: journalFolder, reason: "it is not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: journalFolder, withIntermediateDirectories: true)
        } catch {
            throw DeviceSyncError.unusableFolder(path: journalFolder, reason: "cannot create it")
        }
    }

    // MARK: - This device's journal

    /// The store's own-journal bookkeeping.
    struct OwnState {
        var device: String
        var nextSequence: Int64
        var writtenThrough: Int64
        var journalSize: Int64
        var localMark: Int64

        init(_ db: Database) throws {
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT device_id, next_sequence, written_through, journal_size, local_mark FROM device_sync_state"
                )
            else { throw DeviceSyncError.cannotRead(path: "device_sync_state", reason: "the store has no device id") }
            device = row[0]
            nextSequence = row[1]
            writtenThrough = row[2]
            journalSize = row[3]
            localMark = row[4]
        }
    }

    /// This device's events numbered `from` through `through`, in order, in chunks.
    func ownEvents(from: Int64, through: Int64, _ body: ([JournalEvent]) throws -> Void) throws {
        var start = from
        while start <= through {
            let end = min(through, start + 99_999)
            let events = try store.deviceSyncRead { db in
                let ledger = try SyncLedger(db: db, store: store)
                guard let ref = ledger.existingRef(for: try OwnState(db).device) else { return [JournalEvent]() }
                return try ledger.events(in: SyncLedger.range(ref: ref, from: start, through: end))
            }
            try body(events)
            start = end + 1
        }
    }

    /// Checks this device's journal against the store: rewrites it when it was deleted or cut
    /// short; accepts lines a killed sync appended but did not record; drops a half-written
    /// last line; and stops on lines another store with this device id wrote.
    private func checkOwnJournal(_ report: inout JournalSyncReport) throws {
        let own = try store.deviceSyncRead { db in try OwnState(db) }
        let path = journalPath(of: own.device)
        let size = fileSize(path)
        if size == nil || size! < own.journalSize {
            guard own.writtenThrough > 0 else { return }
            // Deleted (or cut short): write it again from the store, byte for byte, then swap it in.
            let temporary = path + ".rewrite"
            let file = try JournalAppender(path: temporary, truncate: true)
            try ownEvents(from: 1, through: own.writtenThrough) { events in
                try file.append(events.map(JournalFormat.line))
            }
            let written = try file.finish()
            guard rename(temporary, path) == 0 else {
                throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            JournalAppender.syncFolder(of: path)
            try store.deviceSyncWrite { db in
                try db.execute(sql: "UPDATE device_sync_state SET journal_size = ?", arguments: [written])
            }
            report.rewroteJournal = true
            return
        }
        guard let size, size > own.journalSize else { return }
        // Lines after what this store recorded writing.
        var expected: [JournalEvent] = []
        if own.nextSequence - 1 > own.writtenThrough {
            try ownEvents(from: own.writtenThrough + 1, through: own.nextSequence - 1) { expected += $0 }
        }
        var accepted = 0
        var badLine: (line: Int, event: JournalEvent?)?
        let end = try JournalReader(path: path).forEachLine(from: own.journalSize, line: 0) { line, bytes in
            guard badLine == nil else { return }
            let event = try? JournalFormat.event(bytes)
            if let event, accepted < expected.count, event == expected[accepted] {
                accepted += 1
            } else {
                badLine = (line, event)
            }
        }
        if let badLine {
            let sequence = badLine.event?.id.device == own.device ? badLine.event?.id.sequence ?? 0 : 0
            throw DeviceSyncError.duplicateDevice(
                file: path, line: badLine.line, device: own.device, sequence: sequence)
        }
        if end.offset < size {
            // A half-written line of this device's own (a sync killed mid-append): drop it.
            guard truncate(path, off_t(end.offset)) == 0 else {
                throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }
        let writtenThrough = own.writtenThrough + Int64(accepted)
        try store.deviceSyncWrite { db in
            try db.execute(
                sql: "UPDATE device_sync_state SET written_through = ?, journal_size = ?",
                arguments: [writtenThrough, end.offset])
        }
    }

    /// Numbers the local reviews, undos and settings changes not journaled yet, and makes the
    /// states of the items they touch those a replay gives (what other devices will compute).
    private func journalLocalEvents(_ report: inout JournalSyncReport) throws {
        // Nothing new here (a sync that only receives): no write transaction, no disk sync.
        let idle = try store.deviceSyncRead { db in
            let own = try OwnState(db)
            guard try SyncLedger(db: db, store: store).existingRef(for: own.device) != nil,
                try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM review") == own.localMark
            else { return false }
            let pending = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM device_sync_undone WHERE undo_origin IS NULL)
                        OR EXISTS (SELECT 1 FROM device_sync_setting_pending)
                    """)
            return pending == false
        }
        if idle { return }
        try store.deviceSyncWrite { db in
            let own = try OwnState(db)
            let ledger = try SyncLedger(db: db, store: store)
            let ref = try ledger.ref(for: own.device)
            try db.execute(sql: "UPDATE device_sync_state SET applying = 1")
            var sequence = own.nextSequence
            var items: Set<Int64> = []
            let reviews = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.item_id FROM review r
                    WHERE r.id > ? AND r.kind <> 'manual'
                      AND NOT EXISTS (SELECT 1 FROM review_origin o WHERE o.review_id = r.id)
                    ORDER BY r.id
                    """,
                arguments: [own.localMark])
            let insertOrigin = try db.cachedStatement(
                sql: "INSERT INTO review_origin (review_id, origin) VALUES (?, ?)")
            for row in reviews {
                try insertOrigin.execute(arguments: [row[0] as Int64, ref << SyncLedger.sequenceBits | sequence])
                sequence += 1
                items.insert(row[1])
            }
            let mark = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM review") ?? 0
            let undos = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.origin, item.id FROM device_sync_undone u
                    LEFT JOIN item ON item.deck_id = u.deck_id AND item.item_key = u.item_key
                    WHERE u.undo_origin IS NULL ORDER BY u.undone_at, u.origin
                    """)
            for row in undos {
                try db.execute(
                    sql: "UPDATE device_sync_undone SET undo_origin = ? WHERE origin = ?",
                    arguments: [ref << SyncLedger.sequenceBits | sequence, row[0] as Int64])
                sequence += 1
                if let item = row[1] as Int64? { items.insert(item) }
            }
            var decks: Set<String> = []
            for row in try Row.fetchAll(
                db, sql: "SELECT deck_id, changed_at FROM device_sync_setting_pending ORDER BY changed_at, deck_id")
            {
                let deck: String = row[0]
                let hasRow =
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM deck_settings WHERE deck_id = ?", arguments: [deck])
                    ?? false
                let json = hasRow ? SyncLedger.json(try store.deviceSyncSettings(for: deck, in: db)) : nil
                try db.execute(
                    sql:
                        "INSERT INTO device_sync_setting_event (origin, deck_id, changed_at, settings) VALUES (?, ?, ?, ?)",
                    arguments: [ref << SyncLedger.sequenceBits | sequence, deck, row[1] as Int64, json])
                sequence += 1
                decks.insert(deck)
            }
            try db.execute(sql: "DELETE FROM device_sync_setting_pending")
            // A local change the latest change from elsewhere overrides, or one that changes how
            // this deck's reviews replay: replay the deck's items, as other devices will.
            let settled = try ledger.settle(decks: decks, ownDevice: own.device)
            for deck in decks { items.formUnion(try reviewedItems(ofDeck: deck, in: db)) }
            _ = settled
            if !items.isEmpty {
                var none: [IncomingReview] = []
                report.recomputedItems += try ledger.replay(incoming: &none, alsoItems: items, tuning: tuning)
            }
            try db.execute(
                sql: "UPDATE device_sync_state SET next_sequence = ?, local_mark = ?, applying = 0",
                arguments: [sequence, mark])
        }
    }

    /// The items of `deck` that have at least one review.
    func reviewedItems(ofDeck deck: String, in db: Database) throws -> Set<Int64> {
        Set(
            try Int64.fetchAll(
                db,
                sql:
                    "SELECT id FROM item WHERE deck_id = ? AND EXISTS (SELECT 1 FROM review WHERE review.item_id = item.id)",
                arguments: [deck]))
    }

    /// Appends the events numbered but not yet written, `fsync`s, then records it.
    private func appendOwnEvents(_ report: inout JournalSyncReport) throws {
        let own = try store.deviceSyncRead { db in try OwnState(db) }
        guard own.nextSequence - 1 > own.writtenThrough else { return }
        let path = journalPath(of: own.device)
        let file = try JournalAppender(path: path, truncate: false)
        try ownEvents(from: own.writtenThrough + 1, through: own.nextSequence - 1) { events in
            try file.append(events.map(JournalFormat.line))
            report.sent += events.count
        }
        let size = try file.finish()
        JournalAppender.syncFolder(of: path)
        try store.deviceSyncWrite { db in
            try db.execute(
                sql: "UPDATE device_sync_state SET written_through = ?, journal_size = ?",
                arguments: [own.nextSequence - 1, size])
        }
    }

    /// The size of the file at `path`, or nil when there is none.
    func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }
}
