import Foundation
import GRDB
import Progress
import Scheduling

/// The device-sync tables of one store, read and written inside one transaction.
///
/// Devices are numbered per store (`device_sync_device.ref`); an event's origin packs that
/// number and the event's sequence: `ref << 40 | sequence`.
final class SyncLedger {
    /// Bits of an origin that hold the sequence number.
    static let sequenceBits: Int64 = 40

    let db: Database
    let store: ProgressStore
    private var refs: [String: Int64] = [:]
    private var devices: [Int64: String] = [:]

    init(db: Database, store: ProgressStore) throws {
        self.db = db
        self.store = store
        let rows = try Row.fetchAll(db, sql: "SELECT ref, device_id FROM device_sync_device")
        for row in rows {
            refs[row[1]] = row[0]
            devices[row[0]] = row[1]
        }
    }

    // MARK: - Devices and origins

    /// The store's number for `device`, adding it when new.
    func ref(for device: String) throws -> Int64 {
        if let ref = refs[device] { return ref }
        try db.execute(sql: "INSERT INTO device_sync_device (device_id) VALUES (?)", arguments: [device])
        let ref = db.lastInsertedRowID
        refs[device] = ref
        devices[ref] = device
        return ref
    }

    /// The store's number for `device`, or nil when it has none.
    func existingRef(for device: String) -> Int64? { refs[device] }

    /// The origin of event `id`.
    func origin(of id: JournalEventID) throws -> Int64 {
        try ref(for: id.device) << Self.sequenceBits | id.sequence
    }

    /// The event id of `origin`.
    func id(of origin: Int64) -> JournalEventID { Self.id(of: origin, devices: devices) }

    /// The event id of `origin`, given the device id of each device number.
    static func id(of origin: Int64, devices: [Int64: String]) -> JournalEventID {
        JournalEventID(device: devices[origin >> sequenceBits] ?? "?", sequence: origin & ((1 << sequenceBits) - 1))
    }

    /// The device id of each device number the store knows.
    var deviceIDs: [Int64: String] { devices }

    /// The origins of device `ref` with sequence numbers `from` through `through`.
    static func range(ref: Int64, from: Int64, through: Int64) -> ClosedRange<Int64> {
        (ref << sequenceBits | from)...(ref << sequenceBits | through)
    }

    /// The highest sequence number of `ref` the store holds in any event table (0 for none).
    func highestSequence(ref: Int64) throws -> Int64 {
        let range = Self.range(ref: ref, from: 0, through: (1 << Self.sequenceBits) - 1)
        var highest: Int64 = 0
        for sql in [
            "SELECT MAX(origin) FROM review_origin WHERE origin BETWEEN ? AND ?",
            "SELECT MAX(origin) FROM device_sync_undone WHERE origin BETWEEN ? AND ?",
            "SELECT MAX(undo_origin) FROM device_sync_undone WHERE undo_origin BETWEEN ? AND ?",
            "SELECT MAX(origin) FROM device_sync_pending WHERE origin BETWEEN ? AND ?",
            "SELECT MAX(origin) FROM device_sync_setting_event WHERE origin BETWEEN ? AND ?",
        ] {
            if let origin = try Int64.fetchOne(db, sql: sql, arguments: [range.lowerBound, range.upperBound]) {
                highest = max(highest, origin & ((1 << Self.sequenceBits) - 1))
            }
        }
        return highest
    }

    // MARK: - Events as stored

    /// The events the store holds with origins in `range`, sorted by sequence; a review undone
    /// before it arrived here (its fields unknown) is left out.
    func events(in range: ClosedRange<Int64>) throws -> [JournalEvent] {
        var found: [(Int64, JournalEvent)] = []
        let arguments: StatementArguments = [range.lowerBound, range.upperBound]
        func review(_ row: Row, origin: Int64) throws -> JournalEvent? {
            let kindText: String = row[4]
            guard let kind = ReviewKind(rawValue: kindText) else { return nil }
            let rating: Int? = row[5]
            let review = JournalReview(
                deckID: row[1], itemKey: row[2], time: row[3], rating: rating ?? 0, durationMilliseconds: row[6],
                kind: kind)
            return JournalEvent(id: id(of: origin), body: .review(review))
        }
        for sql in [
            """
            SELECT o.origin, i.deck_id, i.item_key, r.reviewed_at, r.kind, r.rating, r.duration_ms
            FROM review_origin o JOIN review r ON r.id = o.review_id JOIN item i ON i.id = r.item_id
            WHERE o.origin BETWEEN ? AND ?
            """,
            """
            SELECT origin, deck_id, item_key, reviewed_at, kind, rating, duration_ms FROM device_sync_undone
            WHERE origin BETWEEN ? AND ? AND deck_id IS NOT NULL
            """,
            """
            SELECT origin, deck_id, item_key, reviewed_at, kind, rating, duration_ms FROM device_sync_pending
            WHERE origin BETWEEN ? AND ?
            """,
        ] {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let origin: Int64 = row[0]
                if let event = try review(row, origin: origin) { found.append((origin, event)) }
            }
        }
        let undos = try Row.fetchCursor(
            db, sql: "SELECT undo_origin, origin, undone_at FROM device_sync_undone WHERE undo_origin BETWEEN ? AND ?",
            arguments: arguments)
        while let row = try undos.next() {
            let origin: Int64 = row[0]
            found.append((origin, JournalEvent(id: id(of: origin), body: .undo(of: id(of: row[1]), time: row[2]))))
        }
        let settings = try Row.fetchCursor(
            db,
            sql:
                "SELECT origin, deck_id, changed_at, settings FROM device_sync_setting_event WHERE origin BETWEEN ? AND ?",
            arguments: arguments)
        while let row = try settings.next() {
            let origin: Int64 = row[0]
            found.append(
                (
                    origin,
                    JournalEvent(id: id(of: origin), body: .settings(deckID: row[1], time: row[2], settings: row[3]))
                ))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Whether the review `origin` was undone (here or before it arrived).
    func isUndone(_ origin: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM device_sync_undone WHERE origin = ?", arguments: [origin]) ?? false
    }

    // MARK: - Settings

    /// The JSON of `settings`, as settings events carry it (keys sorted, so it is stable).
    static func json(_ settings: DeckSettings) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(settings) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The settings a settings event's JSON describes, when valid.
    static func settings(from json: String) -> DeckSettings? {
        guard let settings = try? JSONDecoder().decode(DeckSettings.self, from: Data(json.utf8)),
            (try? settings.scheduler.validate()) != nil, settings.newCardsPerDay >= 0
        else { return nil }
        return settings
    }

    /// Makes each deck's settings those of its latest settings event (by time, then event id).
    ///
    /// - Returns: the decks whose settings changed, and how many of those changes came from
    ///   another device's event.
    func settle(decks: Set<String>, ownDevice: String) throws -> (changed: Set<String>, fromOthers: Int) {
        var changed: Set<String> = []
        var fromOthers = 0
        for deck in decks.sorted() {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT origin, settings FROM device_sync_setting_event
                    WHERE deck_id = ? AND changed_at = (SELECT MAX(changed_at) FROM device_sync_setting_event WHERE deck_id = ?)
                    """,
                arguments: [deck, deck])
            let winner = rows.map { (id: id(of: $0[0]), settings: $0[1] as String?) }.max { $0.id < $1.id }
            guard let winner else { continue }
            let wanted = winner.settings.flatMap(Self.settings(from:))
            let hasRow =
                try Bool.fetchOne(db, sql: "SELECT 1 FROM deck_settings WHERE deck_id = ?", arguments: [deck]) ?? false
            let current = try store.deviceSyncSettings(for: deck, in: db)
            if wanted == nil && !hasRow { continue }
            if let wanted, hasRow, wanted == current { continue }
            try ProgressStore.deviceSyncSaveSettings(wanted, for: deck, in: db)
            if (wanted ?? DeckSettings()) != current { changed.insert(deck) }
            if winner.id.device != ownDevice { fromOthers += 1 }
        }
        return (changed, fromOthers)
    }
}
