import Foundation
import GRDB
import Progress
import Testing
import ZIPFoundation

@testable import Anki

/// Each bad input: a clear message, nothing written, existing decks and the store untouched.
@Suite("Anki import: hostile and damaged input")
struct HostilePackageTests {
    /// Makes a zip at `path` with `entries` (name, bytes), deflated.
    static func zip(_ path: String, _ entries: [(String, Data)]) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
    }

    /// A minimal schema-11 collection file's bytes.
    static func sqliteBytes() throws -> Data {
        let folder = TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.file("c.db"))
        try queue.write { db in try db.execute(sql: "CREATE TABLE col (id INTEGER)") }
        return try Data(contentsOf: URL(fileURLWithPath: folder.file("c.db")))
    }

    /// Imports `file` into a folder holding one existing deck and a store with one review; checks nothing changed.
    func refuse(_ file: String, limits: AnkiPackageLimits = AnkiPackageLimits(), message: (String) -> Bool) throws {
        let folder = TemporaryFolder()
        let decks = folder.file("decks")
        try FileManager.default.createDirectory(atPath: decks, withIntermediateDirectories: true)
        try "{}".write(toFile: folder.file("decks/mine.json"), atomically: true, encoding: .utf8)
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        _ = try AnkiImporter.importFile(
            fixture("genanki.apkg"), options: AnkiImportOptions(decksDirectory: folder.file("other")), store: store)
        let reviews = try store.reviewCount()
        let items = try store.deckIDs()
        do {
            _ = try AnkiImporter.importFile(
                file, options: AnkiImportOptions(decksDirectory: decks), store: store, limits: limits)
            Issue.record("\(file) was imported")
        } catch let error as AnkiError {
            #expect(message(error.description), "\(error.description)")
        }
        #expect(folder.listing("decks") == ["mine.json"])
        #expect(try store.reviewCount() == reviews)
        #expect(try store.deckIDs() == items)
    }

    @Test("not a zip")
    func notAZip() throws {
        let folder = TemporaryFolder()
        try "hello".write(toFile: folder.file("x.apkg"), atomically: true, encoding: .utf8)
        try refuse(folder.file("x.apkg")) {
            $0.hasSuffix("x.apkg is not an Anki package (.apkg or .colpkg): it is not a zip archive")
        }
    }

    @Test("a zip bomb: an entry expanding past the limit")
    func bomb() throws {
        let folder = TemporaryFolder()
        try Self.zip(folder.file("bomb.apkg"), [("collection.anki21", Data(count: 8 << 20))])
        try refuse(folder.file("bomb.apkg"), limits: AnkiPackageLimits(entryBytes: 1 << 20)) {
            $0.contains("collection.anki21 expands to more than 1 MiB; refusing it")
        }
    }

    @Test("a zip bomb: a zstd collection expanding past the limit")
    func zstdBomb() throws {
        let folder = TemporaryFolder()
        let frame = try Zstd.compress(Data(count: 8 << 20))
        #expect(frame.count < 4096)
        try Self.zip(folder.file("bomb.apkg"), [("meta", Data([0x08, 0x03])), ("collection.anki21b", frame)])
        try refuse(folder.file("bomb.apkg"), limits: AnkiPackageLimits(entryBytes: 1 << 20)) {
            $0.contains("collection.anki21b expands to more than 1 MiB")
        }
    }

    @Test("a zip bomb: more bytes than the entry declares")
    func lyingSize() throws {
        let folder = TemporaryFolder()
        let path = folder.file("liar.apkg")
        try Self.zip(path, [("collection.anki21", Data(count: 1 << 20))])
        // Declare 1 000 bytes instead of 1 MiB, in the local header and the central directory.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func patch(signature: [UInt8], offset: Int) {
            for start in 0..<(bytes.count - 4) where Array(bytes[start..<(start + 4)]) == signature {
                let value: UInt32 = 1000
                for index in 0..<4 { bytes[start + offset + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try refuse(path) { $0.contains("collection.anki21 expands to more than") }
    }

    @Test("a media name with a path", arguments: ["../evil.txt", "/etc/passwd", "sub/dir.png", ".."])
    func mediaPath(name: String) throws {
        let folder = TemporaryFolder()
        let map = try JSONSerialization.data(withJSONObject: ["0": name])
        try Self.zip(
            folder.file("media.apkg"),
            [("collection.anki21", try Self.sqliteBytes()), ("media", map), ("0", Data("x".utf8))])
        try refuse(folder.file("media.apkg")) {
            $0.contains("names a media file \"\(name)\" with a path in it; refusing the package")
        }
    }

    @Test("a collection that is not SQLite")
    func notSQLite() throws {
        let folder = TemporaryFolder()
        try Self.zip(folder.file("text.apkg"), [("collection.anki21", Data("not a database at all".utf8))])
        try refuse(folder.file("text.apkg")) {
            $0.hasSuffix("collection.anki21 is not an SQLite database; the package is damaged")
        }
    }

    @Test("a package from a newer Anki")
    func newer() throws {
        let folder = TemporaryFolder()
        try Self.zip(folder.file("new.apkg"), [("meta", Data([0x08, 0x04])), ("collection.anki21b", Data())])
        try refuse(folder.file("new.apkg")) {
            $0.hasSuffix("new.apkg was made by a newer Anki; export it with 'Support older Anki versions'")
        }
    }

    @Test("a zip without a collection")
    func noCollection() throws {
        let folder = TemporaryFolder()
        try Self.zip(folder.file("empty.apkg"), [("readme", Data("hi".utf8))])
        try refuse(folder.file("empty.apkg")) { $0.contains("it holds no collection") }
    }

    @Test("a damaged text file names its line")
    func damagedText() throws {
        let folder = TemporaryFolder()
        try "#separator:tab\n#html:true\nfront\tback\n\"open\tquote\n".write(
            toFile: folder.file("notes.txt"), atomically: true, encoding: .utf8)
        try refuse(folder.file("notes.txt")) {
            $0.hasSuffix("notes.txt:4: a quoted field is not closed (a \" is missing)")
        }
        try "#separator:nonsense\nfront\tback\n".write(
            toFile: folder.file("bad.txt"), atomically: true, encoding: .utf8)
        try refuse(folder.file("bad.txt")) { $0.contains("bad.txt:1: #separator: unknown separator \"nonsense\"") }
        try "#notetype column:3\nfront\tback\n".write(
            toFile: folder.file("short.txt"), atomically: true, encoding: .utf8)
        try refuse(folder.file("short.txt")) { $0.contains("short.txt:2: the note type column (3) is missing") }
    }

    @Test("a deck file recall did not import is not overwritten without --force")
    func existingDeck() throws {
        let folder = TemporaryFolder()
        let decks = folder.file("decks")
        try FileManager.default.createDirectory(atPath: decks, withIntermediateDirectories: true)
        try "mine".write(toFile: folder.file("decks/vocab.json"), atomically: true, encoding: .utf8)
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        #expect(throws: AnkiError.deckExists(path: folder.file("decks/vocab.json"))) {
            try AnkiImporter.importFile(
                fixture("latest.apkg"), options: AnkiImportOptions(decksDirectory: decks), store: store)
        }
        #expect(folder.listing("decks") == ["vocab.json"])
        #expect(try store.reviewCount() == 0)
        let summary = try AnkiImporter.importFile(
            fixture("latest.apkg"), options: AnkiImportOptions(decksDirectory: decks, force: true), store: store)
        #expect(summary.decks == 2)
        #expect(try String(contentsOfFile: folder.file("decks/vocab.json"), encoding: .utf8) != "mine")
    }

    @Test("a store that fails leaves no deck file behind")
    func storeFailure() throws {
        let folder = TemporaryFolder()
        try "not a store".write(toFile: folder.file("progress.sqlite"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) {
            let store = try ProgressStore(path: folder.file("progress.sqlite"))
            _ = try AnkiImporter.importFile(
                fixture("latest.apkg"), options: AnkiImportOptions(decksDirectory: folder.file("decks")), store: store)
        }
        #expect(folder.listing("decks").isEmpty)
    }

    @Test("a collection with NULLs, wrong types and impossible dates in its columns is read without a crash")
    func nullsAndWrongTypes() throws {
        let folder = TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.file("c.db"))
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE col (id, crt, ver, models, decks, dconf);
                    CREATE TABLE notes (id, guid, mid, tags, flds);
                    CREATE TABLE cards (id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue,
                                        odid, data);
                    CREATE TABLE revlog (id INTEGER PRIMARY KEY, cid, ease, ivl, time, type);
                    INSERT INTO col VALUES (1, NULL, 11,
                        '{"5": {"id": 5, "name": "Basic", "flds": [{"name": "Front", "ord": 0},
                                {"name": "Back", "ord": 1}], "tmpls": [{"name": "Card 1", "qfmt": "{{Front}}",
                                "afmt": "{{Back}}", "ord": 0}]}}',
                        '{"1": {"id": 1, "name": "Default", "conf": 1}}', '{}');
                    INSERT INTO notes VALUES (1, NULL, 5, NULL, NULL);
                    INSERT INTO notes VALUES (2, 'g2', 5, 7, x'466f6f1f426172');
                    INSERT INTO notes VALUES (3, 'g3', '5', 'tag', 'Q' || char(31) || 'A');
                    INSERT INTO cards VALUES (10, 1, 1, NULL, 2, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                              NULL);
                    INSERT INTO cards VALUES (11, 2, 1, 0, 2, 2, 9223372036854775807, 9223372036854775807, 'x', 1, 0,
                                              0, 0, 0, '{"s":1,"d":5,"lrt":1e300}');
                    INSERT INTO cards VALUES (12, 3, 1, 0, 2, -1, 'soon', -5, 2500, 1, 0, 0, 0, 0, x'00');
                    INSERT INTO revlog VALUES (1, 11, 3, 1, NULL, 1);
                    INSERT INTO revlog VALUES (9223372036854775807, 11, 3, 1, 10, 1);
                    INSERT INTO revlog VALUES (1700000000000, 12, 'good', NULL, 'slow', NULL);
                    INSERT INTO revlog VALUES (1700000001000, 12, 3, 1, 1000, 1);
                    """)
        }
        let package = folder.file("nulls.apkg")
        try Self.zip(package, [("collection.anki2", try Data(contentsOf: URL(fileURLWithPath: folder.file("c.db"))))])
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        let summary = try AnkiImporter.importFile(
            package, options: AnkiImportOptions(decksDirectory: folder.file("decks")), store: store)
        #expect(summary.decks == 1)
        #expect(summary.reviews == 2)  // the row at time 1 (1970) and the one of 1700000001000
        #expect(try store.reviewCount() == 2)
    }
}
