import Foundation
import GRDB
import Testing

@testable import Progress

@Suite struct StoreOpeningTests {
    @Test func createsTheStoreAndItsFolderOnFirstUse() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("a/b/progress.sqlite")
        _ = try ProgressStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let queue = try DatabaseQueue(path: path)
        let (applicationID, journal, migrations) = try queue.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(applicationID == 0x5243_4C4C)
        #expect(journal == "wal")
        #expect(
            migrations == [
                "v1", "review-tally", "review-days", "study-day", "device-sync", "bury-siblings", "review-origin-index",
                "review-state-rewrite",
            ])
    }

    @Test func reopensAnExistingStoreWithItsData() throws {
        let directory = try TemporaryDirectory()
        do {
            let store = try openStore(directory)
            try register(store, deckID: "plot", keys: ["a"])
        }
        let again = try openStore(directory)
        #expect(try again.deckIDs() == ["plot"])
        let readOnly = try ProgressStore(path: directory.path("progress.sqlite"), access: .readOnly)
        #expect(try readOnly.item(ItemRef(deckID: "plot", key: "a"))?.cardID == "a")
    }

    @Test func usesTheSynchronousLevelItDocuments() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let level = try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(level == 2)  // FULL: every commit waits for the WAL to reach the disk
        let checkpoints = try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(checkpoints == 0)  // the Checkpointer does it in the background
        let timeout = try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA busy_timeout") }
        #expect(timeout == 5_000)
        let tempStore = try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") }
        #expect(tempStore == 2)  // MEMORY: statement journals and index sorts stay off the disk
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: ProgressError.notFound(path: path)) { try ProgressStore(path: path, access: .readOnly) }
        let store = try ProgressStore(path: path)
        #expect(try store.deckIDs() == [])
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        let contents = Data(String(repeating: "these are my notes, not a database\n", count: 200).utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: contents))
        let error = #expect(throws: ProgressError.self) { try ProgressStore(path: path) }
        #expect(error == .notARecallStore(path: path, detail: "file is not a database"))
        #expect(
            error?.description
                == "cannot open progress store \(path): it is not a recall progress store (file is not a database); "
                + "move it aside or pass another path with --store")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == contents)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["notes.sqlite"])
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("other.sqlite")
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: ProgressError.self) { try ProgressStore(path: path) }
        #expect(error == .notARecallStore(path: path, detail: "it is an SQLite database of another program"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aStoreFromANewerRecallIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        do { _ = try ProgressStore(path: path) }
        do {
            let raw = try DatabaseQueue(path: path)
            try raw.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-from-the-future')") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: ProgressError.self) { try ProgressStore(path: path) }
        #expect(error == .newerVersion(path: path))
        #expect(
            error?.description
                == "cannot open progress store \(path): it was written by a newer version of recall; upgrade recall to use it"
        )
        #expect(throws: ProgressError.newerVersion(path: path)) {
            try ProgressStore(path: path, access: .readOnly)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aDamagedStoreIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        do {
            let store = try openStore(directory)
            try register(store, deckID: "plot", keys: (0..<3_000).map { "card-\($0)-with-a-longish-key" })
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 40 * 4_096)
        // Scribble over the middle of a page deep in the file, among the items (not the
        // header, nor the schema, whose table and trigger text fills the first pages).
        let page = bytes.count / 4_096 - 4
        for offset in (page * 4_096 + 8)..<(page * 4_096 + 1_000) { bytes[offset] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: path))
        // Opening reads only the header and schema; the quick_check runs in the background,
        // and every write waits for it.
        let store = try ProgressStore(path: path, dayRollover: utcRollover)
        let thrown = #expect(throws: ProgressError.self) { try store.verify() }
        guard let error = thrown, case .damaged(let errorPath, let report) = error else {
            Issue.record("expected .damaged, got \(String(describing: thrown))")
            return
        }
        #expect(errorPath == path)
        #expect(!report.isEmpty)
        #expect(error.description.hasPrefix("cannot open progress store \(path): it is damaged (quick_check: "))
        let ref = ItemRef(deckID: "plot", key: "card-1-with-a-longish-key")
        #expect(throws: error) { try store.suspend(ref) }
        #expect(throws: error) { try store.sync(deckID: "new-deck", items: [], at: t0) }
        #expect(throws: error) { try ProgressStore(path: path, access: .readOnly).verify() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func readOnlyOpeningNeedsAnExistingStore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("missing.sqlite")
        #expect(throws: ProgressError.notFound(path: path)) { try ProgressStore(path: path, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func writingThroughAReadOnlyStoreFailsCleanly() throws {
        let directory = try TemporaryDirectory()
        do { try register(try openStore(directory), deckID: "plot", keys: ["a"]) }
        let store = try ProgressStore(path: directory.path("progress.sqlite"), access: .readOnly)
        let error = #expect(throws: ProgressError.self) {
            try store.suspend(ItemRef(deckID: "plot", key: "a"))
        }
        #expect(
            error?.description
                == "cannot write to progress store \(store.path): the file is read-only; nothing was written")
        #expect(try store.item(ItemRef(deckID: "plot", key: "a"))?.suspended == false)
    }

    @Test(.enabled(if: getuid() != 0, "root can write to read-only files"))
    func aReadOnlyFileIsRefusedForWriting() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        do { _ = try ProgressStore(path: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        #expect(throws: ProgressError.readOnly(path: path, detail: "the file is read-only")) {
            try ProgressStore(path: path)
        }
    }

    @Test func aFullDiskRollsTheAnswerBackWhole() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let keys = (0..<200).map { "k\($0)" }
        try register(store, deckID: "plot", keys: keys)
        // Cap the file at its current size: the next pages cannot be allocated, as on a full disk.
        let pages = try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        var saved = 0
        var failure: ProgressError?
        for key in keys {
            do {
                try answerNew(store, ItemRef(deckID: "plot", key: key), at: t0)
                saved += 1
            } catch let error as ProgressError {
                failure = error
                break
            }
        }
        #expect(failure == .writeFailed(path: store.path, reason: "the disk is full"))
        #expect(
            failure?.description == "cannot save to progress store \(store.path): the disk is full; nothing was written"
        )
        #expect(try store.reviewCount() == saved)
        let answered = try keys.filter { try store.item(ItemRef(deckID: "plot", key: $0))?.state.phase == .learning }
        #expect(answered.count == saved)
    }

    @Test func theLocationFollowsOptionThenEnvironmentThenTheDefault() {
        let home = ["HOME": "/home/ann"]
        func resolve(_ option: String?, _ environment: [String: String]) -> String {
            StoreLocation.resolve(option: option, defaultPath: "/data/recall/progress.sqlite", environment: environment)
        }
        #expect(resolve("/tmp/p.sqlite", home.merging(["RECALL_STORE": "/x"]) { $1 }) == "/tmp/p.sqlite")
        #expect(resolve(nil, home.merging(["RECALL_STORE": "/x/p.sqlite"]) { $1 }) == "/x/p.sqlite")
        #expect(resolve("", home.merging(["RECALL_STORE": "~/p.sqlite"]) { $1 }) == "/home/ann/p.sqlite")
        #expect(resolve(nil, home.merging(["RECALL_STORE": ""]) { $1 }) == "/data/recall/progress.sqlite")
        #expect(resolve(nil, home) == "/data/recall/progress.sqlite")
        #expect(resolve("~/s.sqlite", home) == "/home/ann/s.sqlite")
        #expect(resolve("rel/s.sqlite", home) == "rel/s.sqlite")
    }
}
