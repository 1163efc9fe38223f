import Foundation
import GRDB
import Progress
import Scheduling
import Terminal
import Testing

@testable import App

/// `stats` refuses a damaged store as every command does, even when the figures it reads
/// are intact: it waits for the integrity check's verdict before printing.
@Suite struct StatsCommandTests {
    @Test func aStoreDamagedWhereStatsDoesNotReadIsStillRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.sqlite").path
        do {
            let store = try ProgressStore(path: path)
            _ = try store.sync(deckID: "plot", items: [SyncItem(key: "ruth", cardID: "ruth", contentHash: "h")])
            let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
            let ref = ItemRef(deckID: "plot", key: "ruth")
            for minute in 0..<3 {
                let time = Date(timeIntervalSince1970: 1_795_251_600 + Double(minute) * 600)
                let before = try #require(try store.item(ref)).state
                _ = try store.record(
                    .study(
                        ref, rating: .good, at: time, before: before,
                        after: scheduler.review(before, rating: .good, at: time)))
            }
        }
        // The review log's time index: stats never reads it (it reads the items and the tallies).
        let (page, pageSize) = try DatabaseQueue(path: path).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'review_time'") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            )
        }
        #expect(page > 1)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for offset in ((page - 1) * pageSize)..<(page * pageSize) { bytes[offset] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: path))

        let output = CapturedOutput()
        let errors = CapturedOutput()
        let context = CommandContext(
            console: Console(
                reader: ScriptedLineReader(lines: [], output: output), output: output, errors: errors, style: .plain,
                wrapper: TextWrapper(width: 80)),
            storeOption: path)
        let status = CommandRunner.run(["stats", "--json"], in: context, atPrompt: false)
        #expect(status == 1)
        #expect(output.text == "")
        #expect(
            errors.text.hasPrefix("error: cannot open progress store \(path): it is damaged (quick_check: "),
            "\(errors.text)")
    }
}
