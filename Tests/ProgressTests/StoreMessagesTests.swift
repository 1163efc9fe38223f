import Foundation
import GRDB
import Testing

@testable import Progress

/// Issue 16 F9: store errors say what is wrong.
@Suite struct StoreMessagesTests {
    @Test func aFolderGivenAsTheStoreIsSaidToBeOne() throws {
        let directory = try TemporaryDirectory()
        for access in [ProgressStore.Access.readOnly, .readWrite] {
            #expect(throws: ProgressError.notARecallStore(path: directory.url.path, detail: "it is a folder")) {
                try ProgressStore(path: directory.url.path, access: access)
            }
        }
    }

    /// An index that disagrees with its table (which `quick_check` does not see) makes the
    /// first save fail as a damaged store, not as a UNIQUE constraint error.
    @Test func aCorruptIndexIsDamageNotAUniqueError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        do {
            let store = try openStore(directory)
            try register(store, deckID: "plot", keys: ["a"])
        }
        do {
            // Point item's unique index at the b-tree of another table's, which holds ("plot", "new").
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(
                    sql: """
                        CREATE TABLE ghost (id INTEGER PRIMARY KEY, deck_id TEXT, item_key TEXT, UNIQUE (deck_id, item_key));
                        INSERT INTO ghost (deck_id, item_key) VALUES ('plot', 'a'), ('plot', 'new');
                        """)
                let item =
                    try Int.fetchOne(
                        db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_item_1'") ?? 0
                let ghost =
                    try Int.fetchOne(
                        db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_ghost_1'") ?? 0
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(
                    sql: "UPDATE sqlite_master SET rootpage = ? WHERE name = 'sqlite_autoindex_item_1'",
                    arguments: [ghost])
                try db.execute(
                    sql: "UPDATE sqlite_master SET rootpage = ? WHERE name = 'sqlite_autoindex_ghost_1'",
                    arguments: [item])
                try db.execute(sql: "PRAGMA writable_schema = OFF")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        let store = try openStore(directory)
        try store.verify()  // quick_check passes
        do {
            try register(store, deckID: "plot", keys: ["a", "new"])
            Issue.record("the save succeeded")
        } catch let error as ProgressError {
            guard case .damaged(_, let report) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(report.contains("index"), "\(report)")
        }
    }
}
