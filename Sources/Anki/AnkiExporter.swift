import Decks
import Foundation
import GRDB
import Progress
import Scheduling
import ZIPFoundation

/// Exports recall decks, with their schedule and history, as an Anki package or text file.
///
/// The package is a `collection.anki21` (schema 11) .apkg with a JSON media map and a
/// `meta` entry saying so: the variant Anki's own "Support older Anki versions" export
/// writes, which every Anki since 2.1 and every AnkiDroid reads (the schema-18
/// `collection.anki21b` variant is read only by Anki 2.1.50+ and AnkiDroid 2.16+).
public enum AnkiExporter {
    /// Writes `decks` to `path` (replacing it atomically), with progress from `store` unless
    /// `options.includeProgress` is off or `store` is `nil`, telling `progress` how far it has
    /// got (on this thread, every so often: never once per row).
    public static func export(
        _ decks: [Deck], store: ProgressStore?, to path: String, options: AnkiExportOptions = AnkiExportOptions(),
        progress: (AnkiExportProgress) -> Void = { _ in }
    ) throws -> AnkiExportSummary {
        guard !decks.isEmpty else { throw AnkiError.nothingToExport("there are no decks to export") }
        let media = mediaFolders(decks)
        switch options.format {
        case .text:
            return try exportText(decks, media: media, to: path, progress: progress)
        case .apkg:
            return try exportPackage(
                decks, media: media, store: options.includeProgress ? store : nil, to: path, options: options,
                progress: progress)
        }
    }

    /// How many notes are written between two reports of the progress.
    static let noteProgressStep = 1_024

    /// The files of each deck's `DECK.media/` folder (beside its file), by deck id.
    static func mediaFolders(_ decks: [Deck]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for deck in decks {
            guard let file = deck.file else { continue }
            let folder = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                deck.id + ".media")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where AnkiPackage.isSafeMediaName(name) {
                result[deck.id, default: [:]][name] = (folder as NSString).appendingPathComponent(name)
            }
        }
        return result
    }

    /// The Anki deck id of a recall deck: stable, from a hash of its id.
    static func ankiDeckID(_ deckID: String) -> Int64 {
        var hash = FNV1a64()
        hash.combine(deckID.utf8)
        return 1_000_000_000_000 + Int64(hash.value % 8_000_000_000_000)
    }

    /// The Anki deck name of a recall deck: its title, `›` back to `::`.
    static func ankiDeckName(_ deck: Deck) -> String {
        deck.title.components(separatedBy: " › ").map { $0.replacingOccurrences(of: "::", with: ":") }.joined(
            separator: "::")
    }

    // MARK: - Text

    private static func exportText(
        _ decks: [Deck], media: [String: [String: String]], to path: String,
        progress: (AnkiExportProgress) -> Void
    ) throws -> AnkiExportSummary {
        var summary = AnkiExportSummary()
        let noteCount = Int64(decks.reduce(0) { $0 + $1.cards.count })
        progress(AnkiExportProgress(.notes, done: 0, total: noteCount))
        let width = ExportNotetype.allCases.map(\.fields.count).max() ?? 6
        var out =
            "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:\(width + 4)\n"
        func cell(_ text: String) -> String {
            guard text.contains("\t") || text.contains("\"") || text.contains("\n") else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        for deck in decks {
            summary.decks += 1
            let names = Set(media[deck.id]?.keys.map { $0 } ?? [])
            for card in deck.cards {
                let note = ExportedNote(card, in: deck, media: names)
                let fields = note.fields + Array(repeating: "", count: width - note.fields.count)
                let row =
                    [note.guid, note.notetype.name, ankiDeckName(deck)] + fields + [note.tags.joined(separator: " ")]
                out += row.map(cell).joined(separator: "\t") + "\n"
                summary.notes += 1
                summary.cards += card.studyItems(deckID: deck.id).count
                if summary.notes % noteProgressStep == 0 {
                    progress(AnkiExportProgress(.notes, done: Int64(summary.notes), total: noteCount))
                }
            }
        }
        progress(AnkiExportProgress(.notes, done: noteCount, total: noteCount))
        try writeAtomically(Data(out.utf8), to: path)
        return summary
    }

    // MARK: - Package

    private static func exportPackage(
        _ decks: [Deck], media: [String: [String: String]], store: ProgressStore?, to path: String,
        options: AnkiExportOptions, progress: (AnkiExportProgress) -> Void
    ) throws -> AnkiExportSummary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-anki-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AnkiError.cannotWrite(path: folder.path, reason: "cannot create a temporary folder")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let collection = folder.appendingPathComponent("collection.anki21")
        var writer = try AnkiCollectionWriter(path: collection.path, options: options)
        var summary = try writer.write(decks, media: media, store: store, progress: progress)
        writer.close()

        let archivePath = folder.appendingPathComponent("package.apkg")
        // Media files as entries "0", "1", … (each name once), and the map of those to names.
        var files: [(entry: String, file: String)] = []
        var map: [String: String] = [:]
        var added = Set<String>()
        for deck in decks {
            for (name, file) in (media[deck.id] ?? [:]).sorted(by: { $0.key < $1.key })
            where added.insert(name).inserted {
                map[String(files.count)] = name
                files.append((String(files.count), file))
            }
        }
        summary.media = files.count
        do {
            let mediaJSON = try JSONSerialization.data(withJSONObject: map, options: [.sortedKeys])
            let meta = Data([0x08, 0x02])  // PackageMetadata { version: LEGACY_2 }
            var total = Int64(meta.count + mediaJSON.count) + fileSize(collection.path)
            for (_, file) in files { total += fileSize(file) }
            func compressed(_ done: Int64) {
                progress(AnkiExportProgress(.compressing, done: min(done, total), total: total))
            }
            compressed(0)
            if ZipWriter.fits(totalBytes: total, entries: files.count + 3, byteLimit: options.fastZipByteLimit) {
                try writeFastArchive(
                    archivePath.path, meta: meta, collection: collection.path, files: files, mediaJSON: mediaJSON,
                    progress: compressed)
            } else {
                try writeLargeArchive(
                    archivePath, meta: meta, collection: collection, files: files, mediaJSON: mediaJSON,
                    progress: compressed)
            }
            compressed(total)
        } catch let error as AnkiError {
            throw error
        } catch {
            throw AnkiError.cannotWrite(path: path, reason: "\(error)")
        }
        // The store was checked in the background meanwhile: nothing from a damaged one is put in place.
        try store?.verify()
        try moveAtomically(archivePath.path, to: path)
        return summary
    }

    /// The size of the file at `path` (0 when it cannot be read: writing it then fails).
    private static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The package through ``ZipWriter``, deflating at its fast level; `progress` hears how
    /// many bytes of the entries are compressed, every megabyte or so.
    private static func writeFastArchive(
        _ path: String, meta: Data, collection: String, files: [(entry: String, file: String)], mediaJSON: Data,
        progress: (Int64) -> Void
    ) throws {
        var zip = try ZipWriter(path: path)
        do {
            try zip.add("meta", data: meta)
            var before = Int64(meta.count)
            try zip.add("collection.anki21", file: collection, progress: { progress(before + $0) })
            before += fileSize(collection)
            for (entry, file) in files {
                try zip.add(entry, file: file, progress: { progress(before + $0) })
                before += fileSize(file)
            }
            try zip.add("media", data: mediaJSON)
            try zip.finish()
        } catch {
            zip.abandon()
            throw error
        }
    }

    /// The package through ZIPFoundation (zip64), for collections and media past 4 GiB or
    /// 65 535 files; `progress` hears how many bytes of the entries are compressed after each.
    private static func writeLargeArchive(
        _ path: URL, meta: Data, collection: URL, files: [(entry: String, file: String)], mediaJSON: Data,
        progress: (Int64) -> Void
    ) throws {
        let archive = try Archive(url: path, accessMode: .create)
        try archive.addEntry(with: "meta", type: .file, uncompressedSize: Int64(meta.count)) { position, size in
            meta.subdata(in: Int(position)..<Int(position) + size)
        }
        try archive.addEntry(with: "collection.anki21", fileURL: collection, compressionMethod: .deflate)
        var done = Int64(meta.count) + fileSize(collection.path)
        progress(done)
        for (entry, file) in files {
            try archive.addEntry(with: entry, fileURL: URL(fileURLWithPath: file), compressionMethod: .deflate)
            done += fileSize(file)
            progress(done)
        }
        try archive.addEntry(with: "media", type: .file, uncompressedSize: Int64(mediaJSON.count)) { position, size in
            mediaJSON.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Moves `source` over `path` in one rename (through a temporary file beside `path`
    /// when they are on different file systems).
    static func moveAtomically(_ source: String, to path: String) throws {
        if rename(source, path) == 0 { return }
        let scratch = ((path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(".\((path as NSString).lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.copyItem(atPath: source, toPath: scratch)
        } catch {
            try? FileManager.default.removeItem(atPath: scratch)
            throw AnkiError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
        guard rename(scratch, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: scratch)
            throw AnkiError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Writes `data` to a temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw AnkiError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
