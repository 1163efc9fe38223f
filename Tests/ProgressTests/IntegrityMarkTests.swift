import Foundation
import GRDB
import Testing

@testable import Progress

/// A passed integrity check is remembered for the store's exact state, and for nothing else.
@Suite struct IntegrityMarkTests {
    /// A store with some items, checked once and closed.
    static func checkedStore(_ directory: TemporaryDirectory) throws -> String {
        let path = directory.path("progress.sqlite")
        do {
            let store = try openStore(directory)
            try register(store, deckID: "plot", keys: (0..<2_000).map { "card-\($0)-with-a-longish-key" })
        }
        do {
            let store = try openStore(directory)
            try store.verify()
        }
        return path
    }

    static func isRemembered(_ path: String, now: Date = Date()) -> Bool {
        guard let state = IntegrityMark(store: path) else { return false }
        return IntegrityMark.isRemembered(state, path: path, now: now)
    }

    @Test func anUnchangedStoreIsNotCheckedAgain() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.checkedStore(directory)
        #expect(FileManager.default.fileExists(atPath: path + "-checked"))
        #expect(Self.isRemembered(path))
        // The verdict is there at once, without a background check, read-write and read-only.
        #expect(IntegrityCheck.start(path: path, openingPath: path, readWrite: true).isFinished)
        #expect(IntegrityCheck.start(path: path, openingPath: path, readWrite: false).isFinished)
        // Studying with it changes the file, and this process's own changes stay vouched for.
        do {
            let store = try ProgressStore(path: path, dayRollover: utcRollover)
            try register(store, deckID: "theme", keys: ["a", "b"])
        }
        #expect(Self.isRemembered(path))
        do {
            let store = try ProgressStore(path: path, access: .readOnly, dayRollover: utcRollover)
            try store.verify()
            #expect(try store.item(ItemRef(deckID: "theme", key: "a")) != nil)
        }
        #expect(Self.isRemembered(path))
    }

    @Test func aMarkIsTrustedForADayAtMost() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.checkedStore(directory)
        #expect(Self.isRemembered(path, now: Date().addingTimeInterval(23 * 3_600)))
        #expect(!Self.isRemembered(path, now: Date().addingTimeInterval(25 * 3_600)))
        #expect(!Self.isRemembered(path, now: Date().addingTimeInterval(-60)))
    }

    @Test func damageOfTheSameSizeIsFoundAtOnce() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.checkedStore(directory)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let page = bytes.count / 4_096 - 4
        for offset in (page * 4_096 + 8)..<(page * 4_096 + 1_000) { bytes[offset] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(!Self.isRemembered(path))
        let store = try ProgressStore(path: path, access: .readOnly, dayRollover: utcRollover)
        #expect(throws: ProgressError.self) { try store.verify() }
        // The failed check takes the mark away.
        #expect(!FileManager.default.fileExists(atPath: path + "-checked"))
    }

    @Test func anotherProgramsWriteIsNeverVouchedFor() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.checkedStore(directory)
        do {
            let store = try ProgressStore(path: path, dayRollover: utcRollover)
            try register(store, deckID: "theme", keys: ["a"])
            // Another program writes to the store while recall has it open (a valid write,
            // but not recall's: recall must not vouch for the state it leaves).
            let other = try DatabaseQueue(path: path)
            try other.write { db in
                try db.execute(sql: "UPDATE item SET position = position + 1 WHERE deck_id = 'theme'")
            }
            try other.close()
            try register(store, deckID: "theme", keys: ["a", "b"])
        }
        #expect(!Self.isRemembered(path))
        // So the next opening checks the store again, and then remembers it.
        do {
            let store = try ProgressStore(path: path, access: .readOnly, dayRollover: utcRollover)
            try store.verify()
        }
        #expect(Self.isRemembered(path))
    }

    @Test func aMarkOfAnotherFileOrAGarbledMarkIsIgnored() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.checkedStore(directory)
        let mark = try String(contentsOfFile: path + "-checked", encoding: .utf8)
        let copy = directory.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try mark.write(toFile: copy + "-checked", atomically: true, encoding: .utf8)
        #expect(!Self.isRemembered(copy))
        for garbled in [
            "", "recall-integrity-mark 1\n", mark.replacingOccurrences(of: " ", with: "x"), String(mark.dropLast(5)),
        ] {
            try garbled.write(toFile: path + "-checked", atomically: true, encoding: .utf8)
            #expect(!Self.isRemembered(path))
        }
    }
}
