import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

/// The store is plain SQLite: an older store migrates with everything in it, and any SQLite
/// client (the `sqlite3` shell, a connection without recall's functions) can add and delete
/// reviews, with the day tallies following.
@Suite struct PlainSQLiteTests {
    /// A copy of the committed fixture (see ``StoreFixture``) in `directory`.
    static func fixtureCopy(in directory: TemporaryDirectory) throws -> String {
        let url = try #require(
            Bundle.module.url(
                forResource: StoreFixture.name, withExtension: "sqlite", subdirectory: "Fixtures"))
        let path = directory.path("fixture.sqlite")
        try FileManager.default.copyItem(atPath: url.path, toPath: path)
        return path
    }

    static func expectedLines() throws -> [String] {
        let url = try #require(
            Bundle.module.url(
                forResource: StoreFixture.name + ".expected", withExtension: "txt", subdirectory: "Fixtures"))
        return String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func aStoreMadeByAnEarlierRecallMigratesWithEverythingInIt() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.fixtureCopy(in: directory)
        let applied = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(applied == ["v1", "review-tally", "review-days"])
        // Read-only, it is too old to read; read-write, it is upgraded.
        #expect(throws: ProgressError.olderVersion(path: path)) {
            try ProgressStore(path: path, access: .readOnly, dayRollover: utcRollover)
        }
        let store = try ProgressStore(path: path, dayRollover: utcRollover)
        try store.verify()
        let lines = try StoreFixture.describe(store)
        let expected = try Self.expectedLines()
        #expect(lines.count == expected.count)
        for (line, want) in zip(lines, expected) where line != want { Issue.record("\(line)\n!= \(want)") }
        // Every answer kept its study day, and the triggers keep the tallies on new answers and undo.
        let numbering = StudyDayNumber(rollover: utcRollover)
        try store.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT reviewed_at, study_day FROM review") {
                #expect(row[1] as Int? == numbering.number(ofMilliseconds: row[0]))
            }
            #expect(
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE sql LIKE '%recall_study_day%'") == []
            )
        }
        let b1 = ItemRef(deckID: "beta", key: "b1")
        let state = try #require(try store.item(b1)).state
        try store.record(.study(b1, rating: .good, at: at(hours: 100), before: state, after: state))
        #expect(
            try StoreFixture.describe(store).contains(
                "review_total deck_id=\"beta\" answers=4 practice=1 retention_reviews=2 retention_recalled=2 duration_ms=2300"
            ))
        try store.undoLast()
        #expect(try StoreFixture.describe(store) == expected)
    }

    /// A review inserted and deleted with the `sqlite3` shell (skipped when it is not installed).
    @Test func theSQLiteShellCanInsertAndDeleteReviews() throws {
        guard
            let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(
                where: FileManager.default.isExecutableFile(atPath:))
        else {
            Issue.record("skipped: sqlite3 is not installed")  // reported, never silently passed
            return
        }
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        do {
            let store = try ProgressStore(path: path, dayRollover: utcRollover)
            try register(store, deckID: "plot", keys: ["a"])
            try answerNew(store, ItemRef(deckID: "plot", key: "a"), at: t0)
        }
        func run(_ sql: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: shell)
            process.arguments = ["-bail", path, sql]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(problems == "")
            #expect(process.terminationStatus == 0)
            return text
        }
        // 2026-11-22T10:00Z: study day 20779 in UTC (the fallback when study_day is left out).
        _ = try run(
            """
            INSERT INTO review (item_id, reviewed_at, kind, rating, before_phase, before_due, before_reps, before_lapses,
                                after_phase, after_due, after_reps, after_lapses)
            VALUES (1, 1795341600000, 'study', 3, 'learning', 1795255800000, 1, 0, 'review', 1795514400000, 2, 0);
            INSERT INTO review (item_id, reviewed_at, study_day, kind, rating, before_phase, before_due, before_reps,
                                before_lapses, after_phase, after_due, after_reps, after_lapses)
            VALUES (1, 1795345200000, 20790, 'study', 4, 'review', 1795514400000, 2, 0, 'review', 1796514400000, 3, 0);
            """)
        #expect(
            try run(
                "SELECT day, answers, retention_reviews FROM review_day ORDER BY day; SELECT answers FROM review_total;"
            )
                == "20778|1|0\n20779|1|0\n20790|1|1\n3\n")
        _ = try run("DELETE FROM review WHERE reviewed_at >= 1795341600000;")
        #expect(
            try run("SELECT day, answers FROM review_day ORDER BY day; SELECT answers FROM review_total;")
                == "20778|1\n1\n")
        // recall still reads the store.
        let store = try ProgressStore(path: path, dayRollover: utcRollover)
        try store.verify()
        #expect(try store.reviewCount() == 1)
    }
}
