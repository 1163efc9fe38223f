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
    /// `options.includeProgress` is off or `store` is `nil`.
    public static func export(
        _ decks: [Deck], store: ProgressStore?, to path: String, options: AnkiExportOptions = AnkiExportOptions()
    ) throws -> AnkiExportSummary {
        guard !decks.isEmpty else { throw AnkiError.nothingToExport("there are no decks to export") }
        let media = mediaFolders(decks)
        switch options.format {
        case .text:
            return try exportText(decks, media: media, to: path)
        case .apkg:
            return try exportPackage(
                decks, media: media, store: options.includeProgress ? store : nil, to: path, options: options)
        }
    }

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

    private static func exportText(_ decks: [Deck], media: [String: [String: String]], to path: String) throws
        -> AnkiExportSummary
    {
        var summary = AnkiExportSummary()
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
            }
        }
        try writeAtomically(Data(out.utf8), to: path)
        return summary
    }

    // MARK: - Package

    private static func exportPackage(
        _ decks: [Deck], media: [String: [String: String]], store: ProgressStore?, to path: String,
        options: AnkiExportOptions
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
        var summary = try writer.write(decks, media: media, store: store)
        writer.close()

        let archivePath = folder.appendingPathComponent("package.apkg")
        do {
            let archive = try Archive(url: archivePath, accessMode: .create)
            let meta = Data([0x08, 0x02])  // PackageMetadata { version: LEGACY_2 }
            try archive.addEntry(with: "meta", type: .file, uncompressedSize: Int64(meta.count)) { position, size in
                meta.subdata(in: Int(position)..<Int(position) + size)
            }
            try archive.addEntry(with: "collection.anki21", fileURL: collection, compressionMethod: .deflate)
            var map: [String: String] = [:]
            var index = 0
            var added = Set<String>()
            for deck in decks {
                for (name, file) in (media[deck.id] ?? [:]).sorted(by: { $0.key < $1.key })
                where added.insert(name).inserted {
                    try archive.addEntry(
                        with: String(index), fileURL: URL(fileURLWithPath: file), compressionMethod: .deflate)
                    map[String(index)] = name
                    index += 1
                }
            }
            summary.media = index
            let mediaJSON = try JSONSerialization.data(withJSONObject: map, options: [.sortedKeys])
            try archive.addEntry(with: "media", type: .file, uncompressedSize: Int64(mediaJSON.count)) {
                position, size in
                mediaJSON.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch let error as AnkiError {
            throw error
        } catch {
            throw AnkiError.cannotWrite(path: path, reason: "\(error)")
        }
        try moveAtomically(archivePath.path, to: path)
        return summary
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
