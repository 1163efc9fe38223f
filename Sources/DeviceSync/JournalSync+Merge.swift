import Foundation
import GRDB
import Progress

extension JournalSync {
    /// Reads every other journal from where it stopped and merges what is new, in one
    /// transaction together with the new read positions; reports its progress to `progress`.
    func mergeOtherJournals(_ report: inout JournalSyncReport, progress: (SyncProgress) -> Void) throws {
        let ownFile = report.deviceID + ".jsonl"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: journalFolder)) ?? [])
            .filter { $0.hasSuffix(".jsonl") && $0 != ownFile && !$0.hasPrefix(".") }
            .sorted()
        let nowMilliseconds = now().unixMilliseconds
        let paths = names.map { (journalFolder as NSString).appendingPathComponent($0) }
        let sizes = paths.map { fileSize($0) ?? 0 }
        let offsets = try store.deviceSyncRead { db -> [String: Int64] in
            var offsets: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT file, offset FROM device_sync_offset") {
                offsets[row[0]] = row[1]
            }
            return offsets
        }
        // Nothing new in any journal, and no waiting answer whose card has arrived: no write,
        // so the store file stays as it was (a prompt that syncs at start and quit, say).
        if zip(names, sizes).allSatisfy({ offsets[$0] == $1 }) {
            let waiting = try store.deviceSyncRead { db -> Int? in
                let ready = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM device_sync_pending p
                                       JOIN item ON item.deck_id = p.deck_id AND item.item_key = p.item_key)
                        """)
                guard ready == false else { return nil }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM device_sync_pending") ?? 0
            }
            if let waiting {
                report.waiting = waiting
                return
            }
        }
        // The bytes to read, each journal from its stored position (one that shrank is read
        // whole again), for the progress reports.
        let unread = zip(names, sizes).reduce(Int64(0)) { sum, file in
            let offset = offsets[file.0] ?? 0
            return sum + (file.1 >= offset ? file.1 - offset : file.1)
        }
        // Reviews are placed only on items looked up in this same transaction (the others wait
        // as pending), without sessions: a foreign-key check per row could never fail.
        report = try withoutActuallyEscaping(progress) { progress in
            try merge(report, names: names, paths: paths, unread: unread, now: nowMilliseconds, progress: progress)
        }
    }

    /// The merge of the journals `names` at `paths` (holding `unread` bytes not read yet), in
    /// one transaction.
    private func merge(
        _ report: JournalSyncReport, names: [String], paths: [String], unread: Int64, now nowMilliseconds: Int64,
        progress: @escaping (SyncProgress) -> Void
    ) throws -> JournalSyncReport {
        try store.deviceSyncWrite(foreignKeyChecks: false) { db in
            var report = report
            // A large merge touches many pages more than once: keep up to 64 MiB of them in memory.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            let markWasCurrent =
                try Bool.fetchOne(
                    db,
                    sql: "SELECT (SELECT COALESCE(MAX(id), 0) FROM review) = local_mark FROM device_sync_state")
                ?? false
            try db.execute(sql: "UPDATE device_sync_state SET applying = 1")
            let merge = try JournalMerge(
                ledger: try SyncLedger(db: db, store: store), ownDevice: report.deviceID, now: nowMilliseconds,
                tuning: tuning, unread: unread, progress: progress)
            for (name, path) in zip(names, paths) {
                try merge.read(path: path, name: name, report: &report)
            }
            try merge.finish(&report)
            // When every local review was journaled as the merge began, the rows above the mark
            // now are the merge's (each with an origin): move the mark past them, so that the
            // next sync sees nothing to journal without a write.
            try db.execute(
                sql: markWasCurrent
                    ? "UPDATE device_sync_state SET applying = 0, local_mark = (SELECT COALESCE(MAX(id), 0) FROM review)"
                    : "UPDATE device_sync_state SET applying = 0")
            return report
        }
    }
}

/// One merge of other devices' journals into the store (inside one transaction).
final class JournalMerge {
    /// Where an event read in this merge went.
    private enum Placed {
        case incoming(Int)
        case other(JournalEvent)
    }

    let ledger: SyncLedger
    let ownDevice: String
    let now: Int64
    let tuning: MergeTuning
    private var db: Database { ledger.db }
    private var items: [String: [String: Int64]] = [:]
    private var incoming: [IncomingReview] = []
    private var undos: [(target: Int64, origin: Int64, time: Int64)] = []
    private var settingsDecks: Set<String> = []
    private var highest: [Int64: Int64] = [:]
    private var batchHighest: [Int64: Int64] = [:]
    private var indexed: [Int64: [Int64: Placed]] = [:]
    private var skew: [String: Int] = [:]
    private var devices: Set<String> = []
    /// The device of the last review line taken by `acceptNew`, with its bytes and number.
    private var lastDevice: (bytes: [UInt8], device: String, ref: Int64)?
    /// The number of the last device `acceptNew` added to `devices`.
    private var lastDeviceCounted: Int64?
    /// The deck of the last review line taken by `acceptNew`, with its bytes, and its items
    /// once loaded.
    private var lastDeck: (bytes: [UInt8], deck: String, keys: [String: Int64]?)?
    /// The events the store holds for a window of one device's numbers (see `storedEvent`).
    private var storedWindow: (ref: Int64, range: ClosedRange<Int64>, events: [Int64: JournalEvent])?
    /// How many items of each deck were looked up one by one (see `itemID(deck:key:)`).
    private var singleLookups: [String: Int] = [:]

    /// The bytes of journal left to read as the merge began, and those read since.
    private let unread: Int64
    private var read: Int64 = 0
    /// Where the merge reports how far it has got.
    private let progress: (SyncProgress) -> Void

    init(
        ledger: SyncLedger, ownDevice: String, now: Int64, tuning: MergeTuning, unread: Int64 = 0,
        progress: @escaping (SyncProgress) -> Void = { _ in }
    ) throws {
        self.ledger = ledger
        self.tuning = tuning
        self.ownDevice = ownDevice
        self.now = now
        self.unread = unread
        self.progress = progress
    }

    /// Reads the journal at `path` (named `name` in the folder) from its stored position.
    func read(path: String, name: String, report: inout JournalSyncReport) throws {
        let stored = try Row.fetchOne(
            db, sql: "SELECT offset, line FROM device_sync_offset WHERE file = ?", arguments: [name])
        var offset: Int64 = stored?[0] ?? 0
        var line: Int = stored?[1] ?? 0
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if Int64(info.st_size) < offset {
            // Replaced by a shorter file: read it all again (events already here are skipped).
            offset = 0
            line = 0
        }
        var problems: [JournalProblem] = []
        let start = offset
        progress(SyncProgress(.reading, done: read, total: unread))
        let readSoFar = read
        let reached = { (position: Int64) in
            self.progress(SyncProgress(.reading, done: readSoFar + position - start, total: self.unread))
        }
        let end = try JournalReader(path: path).forEachLine(from: offset, line: line, progress: reached) {
            number, bytes in
            if let review = ReviewLine(bytes), try acceptNew(review, in: bytes) { return }
            let event: JournalEvent
            switch Result(catching: { () throws(JournalLineError) -> JournalEvent in try JournalFormat.event(bytes) }) {
            case .success(let parsed): event = parsed
            case .failure(let error):
                problems.append(JournalProblem(file: path, line: number, message: error.description))
                return
            }
            if case .settings(_, _, let json?) = event.body, SyncLedger.settings(from: json) == nil {
                problems.append(
                    JournalProblem(file: path, line: number, message: "field \"settings\": invalid deck settings"))
                return
            }
            try accept(event, file: path, line: number)
        }
        report.problems += problems
        read += end.offset - start
        try db.execute(
            sql: "INSERT OR REPLACE INTO device_sync_offset (file, offset, line) VALUES (?, ?, ?)",
            arguments: [name, end.offset, end.line])
    }

    /// Takes a review in its canonical line when it is new (not this device's, numbered
    /// after every event of its device the store and this merge hold) and its item is here;
    /// gives false, having done nothing, for any other, which `accept` then takes.
    private func acceptNew(_ review: ReviewLine, in bytes: UnsafeBufferPointer<UInt8>) throws -> Bool {
        let (device, ref) = try device(bytes, review.device)
        guard device != ownDevice else { return false }
        let sequence = review.sequence
        let known: Int64
        if let value = highest[ref] {
            known = value
        } else {
            known = try ledger.highestSequence(ref: ref)
            highest[ref] = known
        }
        guard sequence > known, sequence > batchHighest[ref, default: 0],
            let itemID = try itemID(deck: bytes, review.deck, key: bytes, review.item)
        else { return false }
        batchHighest[ref] = sequence
        incoming.append(
            IncomingReview(
                origin: ref << SyncLedger.sequenceBits | sequence, itemID: itemID, time: review.time,
                rating: review.rating, kind: review.kind, duration: review.duration))
        if review.time > now + JournalSync.skewTolerance { skew[device, default: 0] += 1 }
        if lastDeviceCounted != ref {
            devices.insert(device)
            lastDeviceCounted = ref
        }
        if indexed[ref] != nil { indexed[ref]?[sequence] = .incoming(incoming.count - 1) }
        return true
    }

    /// The device id at `range` of `bytes` and the store's number for it (the last one found
    /// is kept: a journal's lines all name the same device).
    private func device(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> (String, Int64) {
        if let last = lastDevice, Self.equal(last.bytes, bytes, range) { return (last.device, last.ref) }
        let device = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let ref = try ledger.ref(for: device)
        lastDevice = (Array(bytes[range]), device, ref)
        return (device, ref)
    }

    /// The row id of the item whose deck id and key are at `deck` and `key` of `bytes`, or nil
    /// when the store does not have it (yet).
    private func itemID(
        deck deckBytes: UnsafeBufferPointer<UInt8>, _ deck: Range<Int>, key keyBytes: UnsafeBufferPointer<UInt8>,
        _ key: Range<Int>
    ) throws -> Int64? {
        let deckID: String
        if let last = lastDeck, Self.equal(last.bytes, deckBytes, deck) {
            if let keys = last.keys {
                return keys[String(decoding: UnsafeBufferPointer(rebasing: keyBytes[key]), as: UTF8.self)]
            }
            deckID = last.deck
        } else {
            deckID = String(decoding: UnsafeBufferPointer(rebasing: deckBytes[deck]), as: UTF8.self)
            lastDeck = (Array(deckBytes[deck]), deckID, items[deckID])
        }
        let found = try itemID(
            deck: deckID, key: String(decoding: UnsafeBufferPointer(rebasing: keyBytes[key]), as: UTF8.self))
        if lastDeck?.keys == nil, let keys = items[deckID] { lastDeck?.keys = keys }
        return found
    }

    /// Whether `bytes[range]` are the bytes of `stored`.
    private static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard stored.count == range.count, let base = bytes.baseAddress else { return false }
        return stored.withUnsafeBufferPointer { storedBytes in
            guard let storedBase = storedBytes.baseAddress else { return range.isEmpty }
            return memcmp(storedBase, base + range.lowerBound, range.count) == 0
        }
    }

    /// Takes one event: skips it when the store or this merge has it, stops when the store has
    /// a different event under its id, and otherwise queues or records it.
    private func accept(_ event: JournalEvent, file: String, line: Int) throws {
        let duplicate = DeviceSyncError.duplicateDevice(
            file: file, line: line, device: event.id.device, sequence: event.id.sequence)
        let origin = try ledger.origin(of: event.id)
        if event.id.device == ownDevice {
            // This device's own event, copied: it must be exactly what the store has.
            guard try storedEvent(ref: origin >> SyncLedger.sequenceBits, sequence: event.id.sequence) == event
            else { throw duplicate }
            return
        }
        let ref = origin >> SyncLedger.sequenceBits
        let sequence = event.id.sequence
        let known: Int64
        if let value = highest[ref] {
            known = value
        } else {
            known = try ledger.highestSequence(ref: ref)
            highest[ref] = known
        }
        if sequence <= known {
            if let stored = try storedEvent(ref: ref, sequence: sequence) {
                guard stored == event else { throw duplicate }
                return
            }
            if case .review = event.body, try ledger.isUndone(origin) { return }
        }
        if sequence <= batchHighest[ref, default: 0] {
            if indexed[ref] == nil { index(ref: ref) }
            if let placed = indexed[ref]?[sequence] {
                guard self.event(placed) == event else { throw duplicate }
                return
            }
        }
        batchHighest[ref] = max(batchHighest[ref, default: 0], sequence)
        let placed: Placed
        switch event.body {
        case .review(let review):
            if let itemID = try itemID(deck: review.deckID, key: review.itemKey) {
                incoming.append(
                    IncomingReview(
                        origin: origin, itemID: itemID, time: review.time, rating: review.rating, kind: review.kind,
                        duration: review.durationMilliseconds))
                placed = .incoming(incoming.count - 1)
                if review.time > now + JournalSync.skewTolerance { skew[event.id.device, default: 0] += 1 }
            } else {
                try db.cachedStatement(
                    sql: """
                        INSERT OR IGNORE INTO device_sync_pending (origin, deck_id, item_key, reviewed_at, kind, rating, duration_ms)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        origin, review.deckID, review.itemKey, review.time, review.kind.rawValue, review.rating,
                        review.durationMilliseconds,
                    ])
                placed = .other(event)
            }
        case .undo(let target, let time):
            undos.append((try ledger.origin(of: target), origin, time))
            placed = .other(event)
        case .settings(let deck, let time, let json):
            try db.execute(
                sql:
                    "INSERT OR IGNORE INTO device_sync_setting_event (origin, deck_id, changed_at, settings) VALUES (?, ?, ?, ?)",
                arguments: [origin, deck, time, json])
            settingsDecks.insert(deck)
            placed = .other(event)
        }
        devices.insert(event.id.device)
        if indexed[ref] != nil { indexed[ref]?[sequence] = placed }
    }

    /// The event the store holds as number `sequence` of device `ref`, if any.
    ///
    /// Read a window of numbers at a time: a journal read again from its start (replaced by a
    /// shorter file, or copied under another name) brings its events in order, and one query
    /// per event would take minutes for a long journal.
    private func storedEvent(ref: Int64, sequence: Int64) throws -> JournalEvent? {
        if let window = storedWindow, window.ref == ref, window.range.contains(sequence) {
            return window.events[sequence]
        }
        let range = sequence...min(sequence + 4_095, (1 << SyncLedger.sequenceBits) - 1)
        var events: [Int64: JournalEvent] = [:]
        for event in try ledger.events(
            in: SyncLedger.range(ref: ref, from: range.lowerBound, through: range.upperBound))
        {
            events[event.id.sequence] = event
        }
        storedWindow = (ref, range, events)
        return events[sequence]
    }

    /// Indexes this merge's events of device `ref` by sequence (needed only when a journal
    /// repeats events, as a file-sync tool's conflict copy does).
    private func index(ref: Int64) {
        var index: [Int64: Placed] = [:]
        for (position, review) in incoming.enumerated() where review.origin >> SyncLedger.sequenceBits == ref {
            index[review.origin & ((1 << SyncLedger.sequenceBits) - 1)] = .incoming(position)
        }
        indexed[ref] = index
    }

    /// The event a placed entry holds.
    private func event(_ placed: Placed) -> JournalEvent? {
        switch placed {
        case .other(let event): return event
        case .incoming(let position):
            let review = incoming[position]
            guard let (deck, key) = itemRef(review.itemID) else { return nil }
            return JournalEvent(
                id: ledger.id(of: review.origin),
                body: .review(
                    JournalReview(
                        deckID: deck, itemKey: key, time: review.time, rating: review.rating,
                        durationMilliseconds: review.duration, kind: review.kind)))
        }
    }

    /// The row id of an item, or nil when the store does not have it (yet).
    ///
    /// The first lookups in a deck (`tuning.singleItemLookups`) query the store one by one;
    /// then the deck's keys are loaded once.
    private func itemID(deck: String, key: String) throws -> Int64? {
        if let keys = items[deck] { return keys[key] }
        let lookups = singleLookups[deck, default: 0]
        if lookups < tuning.singleItemLookups {
            singleLookups[deck] = lookups + 1
            return try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM item WHERE deck_id = ? AND item_key = ?"),
                arguments: [deck, key])
        }
        var keys: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT item_key, id FROM item WHERE deck_id = ?", arguments: [deck])
        while let row = try rows.next() { keys[row[0]] = row[1] }
        items[deck] = keys
        return keys[key]
    }

    /// The deck and key of an item row.
    private func itemRef(_ itemID: Int64) -> (String, String)? {
        let row = try? Row.fetchOne(db, sql: "SELECT deck_id, item_key FROM item WHERE id = ?", arguments: [itemID])
        return row.map { ($0[0], $0[1]) }
    }

    /// Applies what was read: reviews waiting for their decks that can now apply, undos,
    /// settings, then inserts the reviews and replays every item touched.
    func finish(_ report: inout JournalSyncReport) throws {
        // Reviews that waited for their deck or card, which the store now has.
        let ready = try Row.fetchAll(
            db,
            sql: """
                SELECT p.origin, item.id, p.reviewed_at, p.kind, p.rating, p.duration_ms
                FROM device_sync_pending p JOIN item ON item.deck_id = p.deck_id AND item.item_key = p.item_key
                """)
        for row in ready {
            let kindText: String = row[3]
            let origin: Int64 = row[0]
            incoming.append(
                IncomingReview(
                    origin: origin, itemID: row[1], time: row[2], rating: row[4],
                    kind: ReviewKind(rawValue: kindText) ?? .study,
                    duration: row[5]))
            try db.execute(sql: "DELETE FROM device_sync_pending WHERE origin = ?", arguments: [origin])
            devices.insert(ledger.id(of: origin).device)
        }

        var touched: Set<Int64> = []
        if !undos.isEmpty {
            var positions: [Int64: Int] = [:]
            for (position, review) in incoming.enumerated() { positions[review.origin] = position }
            for undo in undos {
                try applyUndo(undo, positions: positions, touched: &touched)
                report.receivedUndos += 1
            }
            incoming.removeAll { $0.itemID < 0 }
        }

        let settled = try ledger.settle(decks: settingsDecks, ownDevice: ownDevice)
        report.receivedSettings += settled.fromOthers
        for deck in settled.changed {
            touched.formUnion(
                try Int64.fetchAll(
                    db,
                    sql:
                        "SELECT id FROM item WHERE deck_id = ? AND EXISTS (SELECT 1 FROM review WHERE review.item_id = item.id)",
                    arguments: [deck]))
        }

        incoming.sort { ($0.itemID, $0.origin) < ($1.itemID, $1.origin) }
        report.receivedReviews += incoming.count
        report.recomputedItems += try ledger.replay(
            incoming: &incoming, alsoItems: touched, tuning: tuning, progress: progress)
        report.waiting = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM device_sync_pending") ?? 0
        report.fromDevices = devices.sorted()
        for (device, count) in skew.sorted(by: { $0.key < $1.key }) {
            report.notes.append(
                "\(count) review\(count == 1 ? "" : "s") from device \(device) \(count == 1 ? "is" : "are") dated "
                    + "in the future (is that machine's clock wrong?); kept")
        }
    }

    /// Takes back review `target`: from the log (replaying its item), from the reviews
    /// waiting for a deck, or from this merge; and leaves a tombstone so it never comes back.
    private func applyUndo(
        _ undo: (target: Int64, origin: Int64, time: Int64), positions: [Int64: Int], touched: inout Set<Int64>
    ) throws {
        if try ledger.isUndone(undo.target) { return }
        var fields: Row?
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT r.id, r.item_id, i.deck_id, i.item_key, r.reviewed_at, r.kind, r.rating, r.duration_ms
                FROM review_origin o JOIN review r ON r.id = o.review_id JOIN item i ON i.id = r.item_id
                WHERE o.origin = ?
                """,
            arguments: [undo.target])
        {
            try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [row[0] as Int64])
            try db.execute(sql: "DELETE FROM review_origin WHERE origin = ?", arguments: [undo.target])
            touched.insert(row[1])
            fields = row
        } else if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT 0, 0, deck_id, item_key, reviewed_at, kind, rating, duration_ms
                FROM device_sync_pending WHERE origin = ?
                """,
            arguments: [undo.target])
        {
            try db.execute(sql: "DELETE FROM device_sync_pending WHERE origin = ?", arguments: [undo.target])
            fields = row
        } else if let position = positions[undo.target] {
            incoming[position].itemID = -1
        }
        try db.execute(
            sql: """
                INSERT INTO device_sync_undone (origin, deck_id, item_key, reviewed_at, kind, rating, duration_ms, undo_origin, undone_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                undo.target, fields?[2] as String?, fields?[3] as String?, fields?[4] as Int64?, fields?[5] as String?,
                fields?[6] as Int?, fields?[7] as Int?, undo.origin, undo.time,
            ])
    }
}
