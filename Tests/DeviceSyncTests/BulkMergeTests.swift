import Foundation
import GRDB
import Progress
import Scheduling
import Testing

@testable import DeviceSync

/// The merge's bulk path (time index rebuilt, rows tallied per chunk, rewrites between chunks)
/// and its fast line scanner change nothing about the result.
@Suite struct BulkMergeTests {
    static let decks = ["plot": ["a", "b", "c", "d", "e", "f"], "themes": ["x", "y", "z"]]

    /// Every row of every table a merge writes, ids included, and the schema.
    static func dump(_ path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            var lines: [String] = []
            for (table, order) in [
                ("review", "id"), ("review_origin", "review_id"), ("review_day", "day, deck_id"),
                ("review_total", "deck_id"), ("item", "id"), ("device_sync_undone", "origin"),
                ("device_sync_pending", "origin"), ("device_sync_offset", "file"), ("deck_settings", "deck_id"),
            ] {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { row in
                    table + ": " + row.databaseValues.map(\.description).joined(separator: "|")
                }
            }
            lines += try String.fetchAll(
                db,
                sql: "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            return lines
        }
    }

    /// Copies a closed store (with its WAL, if any) or a folder.
    static func copy(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(atPath: from, toPath: to)
        if FileManager.default.fileExists(atPath: from + "-wal") {
            try FileManager.default.copyItem(atPath: from + "-wal", toPath: to + "-wal")
        }
    }

    /// Random study on three devices that sync now and then, leaving a folder of journals, and a
    /// fourth store with answers of its own that has not synced yet.
    static func scenario(seed: UInt64, in directory: TemporaryDirectory) throws -> (folder: String, store: String) {
        var random = TestRandom(state: seed &* 104_729 &+ 3)
        let folder = directory.path("folder")
        let devices = try (0..<3).map { index in
            try SimulatedDevice(path: directory.path("device\(index).sqlite"), decks: decks)
        }
        let ratings: [Rating] = [.again, .hard, .good, .easy]
        func randomItem() -> (String, String) {
            let deck = Bool.random(using: &random) ? "plot" : "themes"
            return (deck, decks[deck]!.randomElement(using: &random)!)
        }
        for step in 0..<90 {
            let device = devices[Int.random(in: 0..<3, using: &random)]
            let time = t0.addingTimeInterval(
                Double(step) * 3_000 + Double(Int.random(in: -2_000...2_000, using: &random)))
            let (deck, key) = randomItem()
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<13: try device.study(deck, key, ratings.randomElement(using: &random)!, at: time)
            case 13..<15: try device.practice(deck, key, ratings.randomElement(using: &random)!, at: time)
            case 15:
                do { try device.store.undoLast() } catch ProgressError.nothingToUndo {} catch ProgressError.undoConflict
                {}
            case 16:
                try device.store.saveSettings(
                    DeckSettings(
                        scheduler: SchedulerConfiguration(desiredRetention: [0.8, 0.9].randomElement(using: &random)!),
                        newCardsPerDay: step),
                    for: deck)
            default: try device.sync(folder)
            }
        }
        for device in devices { try device.sync(folder) }
        // The fourth machine studied the same cards meanwhile: its rows are rewritten by the merge.
        let path = directory.path("late.sqlite")
        do {
            let late = try SimulatedDevice(path: path, decks: decks)
            for step in 0..<25 {
                let (deck, key) = randomItem()
                let time = t0.addingTimeInterval(Double(step) * 10_000 + 1_234)
                try late.study(deck, key, ratings.randomElement(using: &random)!, at: time)
            }
        }
        return (folder, path)
    }

    @Test(arguments: 0..<4)
    func chunksAndTheRebuiltTimeIndexChangeNothing(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        let (folder, store) = try Self.scenario(seed: seed, in: directory)
        var dumps: [[String]] = []
        for (index, tuning) in [
            MergeTuning(bulkThreshold: .max, chunkRows: .max, singleItemLookups: .max),  // one chunk, index kept
            MergeTuning(bulkThreshold: 1, chunkRows: 3),  // many chunks, index rebuilt
            MergeTuning(bulkThreshold: 20_000, chunkRows: 500_000, singleItemLookups: 5),  // keys loaded midway
            MergeTuning(bulkThreshold: 1, chunkRows: .max, singleItemLookups: 0),  // every deck's keys loaded
            MergeTuning(bulkThreshold: 1, chunkRows: 4, replayBatchRows: 1),  // a replay batch per item
            MergeTuning(bulkThreshold: .max, replayBatchRows: 5),  // a few items per replay batch
        ].enumerated() {
            let copyFolder = directory.path("folder\(index)")
            let copyStore = directory.path("store\(index).sqlite")
            try FileManager.default.copyItem(atPath: folder, toPath: copyFolder)
            try Self.copy(store, copyStore)
            do {
                var sync = JournalSync(
                    store: try ProgressStore(path: copyStore), folder: copyFolder,
                    now: { t0.addingTimeInterval(86_400) })
                sync.tuning = tuning
                let report = try sync.run()
                #expect(report.receivedReviews > 20)
                #expect(report.sent == 25)
            }
            dumps.append(try Self.dump(copyStore))
        }
        #expect(dumps[0].contains { $0.hasPrefix("index review_time: CREATE INDEX review_time") })
        #expect(
            dumps[0].contains {
                $0 == "index review_origin_origin: CREATE UNIQUE INDEX review_origin_origin ON review_origin (origin)"
            })
        for dump in dumps.dropFirst() { #expect(dump == dumps[0]) }
    }

    /// The progress a merge reports: the journals' bytes read, the answers merged, then the
    /// index rebuild of the bulk path; counts only grow and end at their totals.
    @Test(arguments: [true, false])
    func aMergeReportsItsProgressInOrder(bulk: Bool) throws {
        let directory = try TemporaryDirectory()
        let (folder, path) = try Self.scenario(seed: 5, in: directory)
        let unread = try FileManager.default.contentsOfDirectory(atPath: folder + "/recall")
            .filter { $0.hasSuffix(".jsonl") }
            .reduce(Int64(0)) { sum, name in
                sum
                    + ((try FileManager.default.attributesOfItem(atPath: folder + "/recall/" + name))[.size] as? Int64
                        ?? 0)
            }
        var sync = JournalSync(
            store: try ProgressStore(path: path), folder: folder, now: { t0.addingTimeInterval(86_400) })
        sync.tuning = MergeTuning(bulkThreshold: bulk ? 1 : .max, replayBatchRows: 3)
        var events: [SyncProgress] = []
        let report = try sync.run { events.append($0) }
        #expect(report.receivedReviews > 20)

        let stages = events.map(\.stage).reduce(into: [SyncStage]()) { if $0.last != $1 { $0.append($1) } }
        #expect(stages == (bulk ? [.reading, .merging, .indexing] : [.reading, .merging]))
        let reading = events.filter { $0.stage == .reading }
        // The store has read none of the three journals yet (and has no journal of its own then).
        #expect(reading.allSatisfy { $0.total == reading[0].total && $0.done <= $0.total })
        #expect(reading[0].total == unread)
        #expect(reading.last?.done == reading[0].total)
        let merging = events.filter { $0.stage == .merging }
        #expect(merging.first?.done == 0)
        #expect(merging.last?.done == Int64(report.receivedReviews))
        #expect(merging.allSatisfy { $0.total == Int64(report.receivedReviews) })
        #expect(zip(merging, merging.dropFirst()).allSatisfy { $0.done <= $1.done })
        #expect(merging.count > 2)  // reported per batch, not only at the start and end
    }

    @Test func tallyTotalsMatchTheRowsAfterABulkMerge() throws {
        let directory = try TemporaryDirectory()
        let (folder, path) = try Self.scenario(seed: 9, in: directory)
        let store = try ProgressStore(path: path)
        var sync = JournalSync(store: store, folder: folder, now: { t0.addingTimeInterval(86_400) })
        sync.tuning = MergeTuning(bulkThreshold: 1, chunkRows: 2)
        try sync.run()
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let fromRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT item.deck_id, COUNT(*), SUM(review.kind = 'practice'),
                           SUM(review.kind = 'study' AND review.before_phase = 'review'),
                           SUM(review.kind = 'study' AND review.before_phase = 'review' AND review.rating >= 2),
                           COALESCE(SUM(review.duration_ms), 0)
                    FROM review JOIN item ON item.id = review.item_id
                    WHERE review.kind <> 'manual' GROUP BY 1 ORDER BY 1
                    """
            ).map { $0.databaseValues.map(\.description).joined(separator: "|") }
            let tallied = try Row.fetchAll(
                db,
                sql: """
                    SELECT deck_id, answers, practice, retention_reviews, retention_recalled, duration_ms
                    FROM review_total ORDER BY 1
                    """
            ).map { $0.databaseValues.map(\.description).joined(separator: "|") }
            #expect(!fromRows.isEmpty)
            #expect(tallied == fromRows)
            let trigger = try String.fetchOne(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'review_day_insert'")
            #expect(trigger == "review_day_insert")
        }
    }

    @Test func aJournalReadAgainOrCopiedChangesNothingAndAChangedCopyIsCaught() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let journals = folder + "/recall"
        try FileManager.default.createDirectory(atPath: journals, withIntermediateDirectories: true)
        // More events than one window of stored events (4 096), so several windows are read.
        let lines = (1...9_000).map { sequence in
            JournalFormat.line(
                JournalEvent(
                    id: JournalEventID(device: "aaaa", sequence: Int64(sequence)),
                    body: .review(
                        JournalReview(
                            deckID: "plot", itemKey: ["a", "b", "c"][sequence % 3],
                            time: Int64(t0.timeIntervalSince1970 * 1_000) + Int64(sequence) * 60_000,
                            rating: sequence % 4 + 1, durationMilliseconds: nil, kind: .study))))
        }
        let journal = lines.joined(separator: "\n") + "\n"
        try journal.write(toFile: journals + "/aaaa.jsonl", atomically: true, encoding: .utf8)
        let device = try SimulatedDevice(path: directory.path("store.sqlite"), decks: ["plot": ["a", "b", "c"]])
        #expect(try device.sync(folder).receivedReviews == 9_000)
        let before = try device.snapshot()
        // A conflict copy, and the journal replaced by a shorter file then restored: all read again.
        try journal.write(toFile: journals + "/aaaa.sync-conflict.jsonl", atomically: true, encoding: .utf8)
        try (lines.prefix(100).joined(separator: "\n") + "\n").write(
            toFile: journals + "/aaaa.jsonl", atomically: true, encoding: .utf8)
        #expect(try device.sync(folder).receivedReviews == 0)
        try journal.write(toFile: journals + "/aaaa.jsonl", atomically: true, encoding: .utf8)
        #expect(try device.sync(folder).receivedReviews == 0)
        #expect(try device.snapshot() == before)
        // A copy whose event 5 000 differs is another store with the same device id.
        var changed = lines
        changed[4_999] = changed[4_999].replacingOccurrences(of: #""rating":1"#, with: #""rating":2"#)
        #expect(changed[4_999] != lines[4_999])
        try (changed.joined(separator: "\n") + "\n").write(
            toFile: journals + "/aaaa.other.jsonl", atomically: true, encoding: .utf8)
        #expect(
            throws: DeviceSyncError.duplicateDevice(
                file: journals + "/aaaa.other.jsonl", line: 5_000, device: "aaaa", sequence: 5_000)
        ) {
            try device.sync(folder)
        }
        #expect(try device.snapshot() == before)
    }

    @Test func aSyncWithNothingNewWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let decks = ["plot": ["a", "b"]]
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: decks)
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: decks)
        try one.study("plot", "a", .good, at: t0)
        try one.study("plot", "b", .again, at: t0.addingTimeInterval(60))
        try one.sync(folder)
        #expect(try two.sync(folder).receivedReviews == 2)
        func files() -> [String] {
            ["", "-wal"].map { suffix in
                var info = stat()
                guard stat(two.path + suffix, &info) == 0 else { return "none" }
                return "\(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)"
            }
        }
        let before = files()
        let report = try two.sync(folder)
        #expect(report.receivedReviews == 0 && report.sent == 0)
        #expect(files() == before)
        // Something new is still written.
        try two.study("plot", "a", .hard, at: t0.addingTimeInterval(120))
        #expect(try two.sync(folder).sent == 1)
        #expect(files() != before)
    }

    // MARK: - The fast line scanner

    func scan(_ line: String) -> (ReviewLine, [UInt8])? {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in ReviewLine(buffer).map { ($0, bytes) } }
    }

    func parse(_ line: String) -> JournalEvent? {
        Array(line.utf8).withUnsafeBufferPointer { buffer in try? JournalFormat.event(buffer) }
    }

    /// The review a scanned line describes, as `JournalFormat.event` would give it.
    func event(_ scanned: (ReviewLine, [UInt8])) -> JournalEvent {
        let (line, bytes) = scanned
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        return JournalEvent(
            id: JournalEventID(device: text(line.device), sequence: line.sequence),
            body: .review(
                JournalReview(
                    deckID: text(line.deck), itemKey: text(line.item), time: line.time, rating: line.rating,
                    durationMilliseconds: line.duration, kind: line.kind)))
    }

    @Test func theScannerReadsWrittenLinesAsTheParserDoes() throws {
        var random = TestRandom(state: 77)
        let keys = [
            "a", "ruth#front", "card-12345", "x y", "déjà", "tab\there", "quote\"d", "back\\slash", "~!@$%^&*()",
        ]
        for _ in 0..<500 {
            let event = JournalEvent(
                id: JournalEventID(
                    device: ["d", "3f9c0a1b2c3d4e5f", "A-b_9", String(repeating: "z", count: 64)].randomElement(
                        using: &random)!,
                    sequence: Int64.random(in: 1..<(1 << 40), using: &random)),
                body: .review(
                    JournalReview(
                        deckID: ["plot", "themes", "d\u{e9}ck"].randomElement(using: &random)!,
                        itemKey: keys.randomElement(using: &random)!,
                        time: Int64.random(in: -5_000...2_000_000_000_000, using: &random),
                        rating: Int.random(in: 1...4, using: &random),
                        durationMilliseconds: Bool.random(using: &random)
                            ? nil : Int.random(in: 0...Int(Int32.max), using: &random),
                        kind: Bool.random(using: &random) ? .study : .practice)))
            let line = JournalFormat.line(event)
            let parsed = parse(line)
            #expect(parsed == event)
            if let scanned = scan(line) {
                #expect(self.event(scanned) == event)
            } else {
                // Only lines with escapes or non-ASCII text are left to the parser.
                #expect(line.utf8.contains { $0 >= 0x80 || $0 == 0x5C })
            }
        }
    }

    @Test func theScannerLeavesEveryOtherLineToTheParser() {
        let canonical =
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12}"#
        #expect(scan(canonical).map(event) == parse(canonical))
        let others = [
            #"{ "device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12}"#,
            #"{"seq":7,"device":"d1","type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12,"x":1}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12} "#,
            #"{"device":"d1","seq":0,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"","item":"a","time":5,"kind":"study","rating":3,"duration":12}"#,
            #"{"device":"d 1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"manual","rating":3,"duration":12}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":5,"duration":12}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":-1}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5.5,"kind":"study","rating":3,"duration":1}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":99999999999999999999,"kind":"study","rating":3,"duration":1}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a\u0062","time":5,"kind":"study","rating":3,"duration":1}"#,
            #"{"device":"d1","seq":7,"type":"undo","time":5,"undoes_device":"d1","undoes_seq":1}"#,
            #"{"device":"d1","seq":7,"type":"review","deck":"plot","item":"a","time":5,"kind":"study","rating":3,"duration":12"#,
        ]
        for line in others {
            #expect(scan(line) == nil, "\(line)")
        }
    }
}
