import Foundation
import ZIPFoundation

/// An Anki package (.apkg or .colpkg) opened for reading: its format, its collection
/// (extracted to a temporary file) and its media.
///
/// Handles the three collection variants: `collection.anki2` (schema 11, old Anki and
/// genanki), `collection.anki21` (schema 11, Anki 2.1 and the "Support older Anki versions"
/// export), and `collection.anki21b` (schema 18, zstd-compressed, with a protobuf `meta`
/// entry, a zstd-compressed protobuf media map and zstd-compressed media files).
///
/// Every entry is checked against its declared size and the limits while it is extracted,
/// so a zip bomb is refused before it fills the disk or the memory.
final class AnkiPackage {
    /// The package format, from the `meta` entry (or, without one, the collection's name).
    enum Version: Int, Sendable {
        /// `collection.anki2`, schema 11, JSON media map, no compression.
        case legacy1 = 1
        /// `collection.anki21`, schema 11, JSON media map, no compression.
        case legacy2 = 2
        /// `collection.anki21b`, schema 18, protobuf media map, zstd everywhere.
        case latest = 3

        /// The name of the collection entry.
        var collectionName: String {
            switch self {
            case .legacy1: "collection.anki2"
            case .legacy2: "collection.anki21"
            case .latest: "collection.anki21b"
            }
        }
    }

    /// The sizes past which a package is refused.
    typealias Limits = AnkiPackageLimits

    /// The package's path, as given.
    let path: String
    /// Its format.
    let version: Version
    /// The extracted collection file (removed by `close()`).
    let collectionFile: URL
    /// Media file names, by the name of their entry in the archive.
    let mediaNames: [String: String]
    /// The limits it is read under.
    let limits: Limits

    private let archive: Archive
    private let folder: URL
    private var extractedBytes = 0

    /// Opens the package at `path`, reads its meta and media map, and extracts its collection,
    /// telling `progress` how many of how many bytes are done every megabyte or so.
    ///
    /// - Throws: `AnkiError` for a file that is not a zip, a newer format, a media name
    ///   with a path, an entry past the limits, or a collection that is not SQLite.
    init(
        path: String, limits: Limits = Limits(), progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }
    ) throws {
        self.path = path
        self.limits = limits
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            if !FileManager.default.isReadableFile(atPath: path) {
                throw AnkiError.cannotRead(path: path, reason: "permission denied")
            }
            throw AnkiError.notAZip(path: path)
        }
        self.archive = archive
        var count = 0
        for _ in archive {
            count += 1
            if count > limits.entries { throw AnkiError.tooManyEntries(path: path, limit: limits.entries) }
        }

        let version: Version
        if let meta = archive["meta"] {
            let data = try Self.read(meta, from: archive, path: path, limit: limits.mapBytes)
            var number: Int64 = 0
            do {
                for field in try ProtobufReader.fields(of: data) where field.number == 1 {
                    number = field.value.integer ?? 0
                }
            } catch {
                throw AnkiError.damaged(path: path, detail: "its meta entry does not decode")
            }
            guard let known = Version(rawValue: Int(number)) else { throw AnkiError.newerAnki(path: path) }
            version = known
        } else if archive["collection.anki21"] != nil {
            version = .legacy2
        } else {
            version = .legacy1
        }
        self.version = version
        guard let collectionEntry = archive[version.collectionName] else {
            throw AnkiError.noCollection(path: path)
        }

        var names: [String: String] = [:]
        if let media = archive["media"] {
            let raw = try Self.read(media, from: archive, path: path, limit: limits.mapBytes)
            names = try Self.mediaNames(raw, version: version, path: path, limit: limits.mapBytes)
        }
        for name in names.values where !Self.isSafeMediaName(name) {
            throw AnkiError.unsafeMediaName(path: path, name: name)
        }
        mediaNames = names

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("recall-anki-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AnkiError.cannotWrite(path: folder.path, reason: "cannot create a temporary folder")
        }
        self.folder = folder
        collectionFile = folder.appendingPathComponent("collection.sqlite")
        do {
            try extract(collectionEntry, to: collectionFile, compressed: version == .latest, progress: progress)
            try Self.checkSQLite(collectionFile, path: path, entry: version.collectionName)
        } catch {
            close()
            throw error
        }
    }

    /// Removes the extracted collection.
    func close() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The bytes of the media file `name`, or `nil` when the package does not have it.
    func media(named name: String) throws -> Data? {
        guard let entryName = mediaNames.first(where: { $0.value == name })?.key, let entry = archive[entryName] else {
            return nil
        }
        return try mediaData(entry)
    }

    /// Every media file of the package, by name: `(name, entry)` pairs for `mediaData`.
    var mediaEntries: [(name: String, entry: Entry)] {
        mediaNames.compactMap { entryName, name in archive[entryName].map { (name, $0) } }
    }

    /// The bytes of one media entry, decompressed when the package compresses its media.
    func mediaData(_ entry: Entry) throws -> Data {
        var data = Data()
        if version == .latest {
            let raw = try readCounting(entry)
            do {
                data = try Zstd.decompress(raw, limit: min(limits.entryBytes, limits.totalBytes - extractedBytes))
            } catch Zstd.Failure.tooLarge {
                throw AnkiError.tooLarge(path: path, entry: entry.path, limit: limits.entryBytes)
            } catch {
                throw AnkiError.damaged(path: path, detail: "media file \(entry.path) does not decompress")
            }
            extractedBytes += data.count
        } else {
            data = try readCounting(entry)
        }
        return data
    }

    // MARK: - Helpers

    /// Reads an entry into memory, counting it against the total.
    private func readCounting(_ entry: Entry) throws -> Data {
        let data = try Self.read(
            entry, from: archive, path: path, limit: min(limits.entryBytes, limits.totalBytes - extractedBytes))
        extractedBytes += data.count
        return data
    }

    /// Extracts an entry to a file, decompressing zstd when `compressed`, within the limits;
    /// tells `progress` how far it has got in bytes (of the zstd frame when `compressed`, else
    /// of the entry), every megabyte or so.
    private func extract(
        _ entry: Entry, to url: URL, compressed: Bool, progress: (_ done: Int64, _ total: Int64) -> Void
    ) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else { throw AnkiError.cannotWrite(path: url.path, reason: "cannot create a temporary file") }
        defer { try? handle.close() }
        let limit = min(limits.entryBytes, limits.totalBytes - extractedBytes)
        if compressed {
            let raw = try readCounting(entry)
            let total = Int64(raw.count)
            progress(0, total)
            do {
                var written = 0
                var reported = 0
                try Zstd.decompress(
                    raw, limit: limit,
                    read: { done in
                        guard done - reported >= Self.progressStep else { return }
                        reported = done
                        progress(Int64(done), total)
                    },
                    consume: { chunk in
                        written += chunk.count
                        handle.write(Data(chunk))
                    })
                extractedBytes += written
                progress(total, total)
            } catch Zstd.Failure.tooLarge {
                throw AnkiError.tooLarge(path: path, entry: entry.path, limit: limits.entryBytes)
            } catch Zstd.Failure.corrupt {
                throw AnkiError.notSQLite(path: path, entry: entry.path)
            }
        } else {
            let total = Int64(entry.uncompressedSize)
            progress(0, total)
            var done: Int64 = 0
            var reported: Int64 = 0
            try Self.stream(entry, from: archive, path: path, limit: limit) { chunk in
                handle.write(chunk)
                done += Int64(chunk.count)
                if done - reported >= Int64(Self.progressStep) {
                    reported = done
                    progress(done, total)
                }
            }
            extractedBytes += Int(entry.uncompressedSize)
            progress(total, total)
        }
    }

    /// How many bytes an extraction reads between two reports of its progress.
    private static let progressStep = 1 << 20

    /// Reads a whole entry into memory, refusing more than `limit` bytes (declared or actual).
    private static func read(_ entry: Entry, from archive: Archive, path: String, limit: Int) throws -> Data {
        var data = Data()
        try stream(entry, from: archive, path: path, limit: limit) { data.append($0) }
        return data
    }

    /// Streams an entry's bytes, checking its declared size first and the actual bytes as they come.
    private static func stream(
        _ entry: Entry, from archive: Archive, path: String, limit: Int, consume: (Data) -> Void
    ) throws {
        guard entry.type == .file else { throw AnkiError.damaged(path: path, detail: "\(entry.path) is not a file") }
        let declared = entry.uncompressedSize
        guard declared <= UInt64(max(limit, 0)) else {
            throw AnkiError.tooLarge(path: path, entry: entry.path, limit: limit)
        }
        var actual: UInt64 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                actual += UInt64(chunk.count)
                // More bytes than declared: the header lies, which only a bomb or damage does.
                guard actual <= declared else { throw AnkiError.tooLarge(path: path, entry: entry.path, limit: limit) }
                consume(chunk)
            }
        } catch let error as AnkiError {
            throw error
        } catch {
            throw AnkiError.damaged(path: path, detail: "\(entry.path) cannot be extracted (\(error))")
        }
    }

    /// Parses the media map: JSON `{"0": "name"}` (legacy) or protobuf `MediaEntries` (latest).
    private static func mediaNames(_ raw: Data, version: Version, path: String, limit: Int) throws -> [String: String] {
        if version != .latest {
            guard let map = try? JSONDecoder().decode([String: String].self, from: raw) else {
                throw AnkiError.damaged(path: path, detail: "its media list is not a JSON object of names")
            }
            return map
        }
        let decoded: Data
        do {
            decoded = try Zstd.decompress(raw, limit: limit)
        } catch Zstd.Failure.tooLarge {
            throw AnkiError.tooLarge(path: path, entry: "media", limit: limit)
        } catch {
            throw AnkiError.damaged(path: path, detail: "its media list does not decompress (\(error))")
        }
        var names: [String: String] = [:]
        do {
            var index = 0
            for field in try ProtobufReader.fields(of: decoded) where field.number == 1 {
                guard let entry = field.value.data else { throw ProtobufReader.Malformed() }
                var name = ""
                var zipName = index
                for inner in try ProtobufReader.fields(of: entry) {
                    if inner.number == 1 { name = inner.value.string ?? "" }
                    if inner.number == 255, let legacy = inner.value.integer { zipName = Int(legacy) }
                }
                names[String(zipName)] = name
                index += 1
            }
        } catch {
            throw AnkiError.damaged(path: path, detail: "its media list does not decode")
        }
        return names
    }

    /// Whether a media name is a plain file name: no path separator, not `.` or `..`, no control characters.
    static func isSafeMediaName(_ name: String) -> Bool {
        guard !name.isEmpty, name != ".", name != "..", name.utf8.count <= 255 else { return false }
        return !name.unicodeScalars.contains {
            $0 == "/" || $0 == "\\" || $0 == ":" || $0.value < 0x20 || $0.value == 0x7F
        }
    }

    /// Refuses a file that does not start with SQLite's header.
    private static func checkSQLite(_ url: URL, path: String, entry: String) throws {
        let handle = try? FileHandle(forReadingFrom: url)
        defer { try? handle?.close() }
        let header = (try? handle?.read(upToCount: 16)) ?? nil
        guard let header, header == Data("SQLite format 3\0".utf8) else {
            throw AnkiError.notSQLite(path: path, entry: entry)
        }
    }
}
