import Decks
import Foundation
import Progress
import Scheduling

/// Imports an Anki package (.apkg/.colpkg) or text export into deck files and the progress store.
///
/// All or nothing: deck files and media are written to temporary files first, the store
/// is written in one transaction, and only once it has committed are the files renamed
/// into place; on any error the temporary files are removed and nothing has changed.
public enum AnkiImporter {
    /// The hidden file, in the decks folder, that lists the deck files recall imported (and
    /// may therefore overwrite when the same package is imported again).
    public static let manifestName = ".recall-anki-imports"

    /// Imports `path` under `options`, writing reviews and states to `store`, and telling
    /// `progress` how far it has got (on this thread, every so often: never once per row).
    ///
    /// - Throws: `AnkiError` (the package or file is bad, a deck file is in the way) or the
    ///   store's error; nothing is written then.
    public static func importFile(
        _ path: String, options: AnkiImportOptions, store: ProgressStore?,
        limits: AnkiPackageLimits = AnkiPackageLimits(), progress: (AnkiImportProgress) -> Void = { _ in }
    ) throws -> AnkiImportSummary {
        let (collection, package) = try open(path, limits: limits, progress: progress)
        defer { package?.close() }
        var plan = try AnkiImportPlan(
            collection: collection, path: path, options: options,
            progress: { done, total in
                progress(AnkiImportProgress(.converting, done: Int64(done), total: Int64(total)))
            })
        try plan.loadMedia(from: package)
        return try write(plan, options: options, store: store, path: path, progress: progress)
    }

    /// Opens a package, or reads a text export (then the package is `nil`), reporting the
    /// unpacking and reading stages to `progress`.
    static func open(
        _ path: String, limits: AnkiPackageLimits, progress: (AnkiImportProgress) -> Void = { _ in }
    ) throws -> (AnkiCollection, AnkiPackage?) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw AnkiError.cannotRead(
                    path: path, reason: isDirectory.boolValue ? "it is a folder" : "permission denied")
            }
            throw AnkiError.cannotRead(path: path, reason: "no such file")
        }
        let magic = (try? handle.read(upToCount: 4)) ?? nil
        try? handle.close()
        let isZip = magic.map { $0.starts(with: [0x50, 0x4B]) } ?? false
        let ext = (path as NSString).pathExtension.lowercased()
        if !isZip {
            if ["apkg", "colpkg", "zip"].contains(ext) { throw AnkiError.notAZip(path: path) }
            progress(AnkiImportProgress(.reading))
            return (try AnkiTextFile.read(path: path), nil)
        }
        let package = try AnkiPackage(path: path, limits: limits) { done, total in
            progress(AnkiImportProgress(.unpacking, done: done, total: total))
        }
        do {
            let collection = try AnkiCollection.read(package.collectionFile, path: path) { done, total in
                progress(AnkiImportProgress(.reading, done: done, total: total))
            }
            return (collection, package)
        } catch {
            package.close()
            throw error
        }
    }

    /// Writes the planned decks, media and progress, all or nothing.
    private static func write(
        _ plan: AnkiImportPlan, options: AnkiImportOptions, store: ProgressStore?, path: String,
        progress report: (AnkiImportProgress) -> Void
    ) throws -> AnkiImportSummary {
        var summary = plan.summary
        let fileManager = FileManager.default
        let folder = options.decksDirectory
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw AnkiError.cannotWrite(path: folder, reason: "cannot create the folder")
        }
        let manifestPath = (folder as NSString).appendingPathComponent(manifestName)
        var manifest = Set(
            ((try? String(contentsOfFile: manifestPath, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        )
        for deck in plan.decks {
            let name = deck.deck.id + ".json"
            let target = (folder as NSString).appendingPathComponent(name)
            if fileManager.fileExists(atPath: target) && !manifest.contains(name) && !options.force {
                throw AnkiError.deckExists(path: target)
            }
        }

        // 1. Temporary files.
        let token = UUID().uuidString.prefix(8)
        var temporary: [(from: String, to: String)] = []
        func cleanUp() {
            for file in temporary { try? fileManager.removeItem(atPath: file.from) }
        }
        do {
            for deck in plan.decks {
                let target = (folder as NSString).appendingPathComponent(deck.deck.id + ".json")
                let scratch = (folder as NSString).appendingPathComponent(".\(deck.deck.id).json.tmp-\(token)")
                temporary.append((scratch, target))
                guard fileManager.createFile(atPath: scratch, contents: Data(deck.json.utf8)) else {
                    throw AnkiError.cannotWrite(path: target, reason: "cannot create the file")
                }
                if !deck.media.isEmpty {
                    let mediaFolder = (folder as NSString).appendingPathComponent(deck.deck.id + ".media")
                    let scratchFolder = (folder as NSString).appendingPathComponent(
                        ".\(deck.deck.id).media.tmp-\(token)")
                    temporary.append((scratchFolder, mediaFolder))
                    try fileManager.createDirectory(atPath: scratchFolder, withIntermediateDirectories: true)
                    for name in deck.media {
                        guard let data = plan.media[name] else { continue }
                        let file = (scratchFolder as NSString).appendingPathComponent(name)
                        guard fileManager.createFile(atPath: file, contents: data) else {
                            throw AnkiError.cannotWrite(path: file, reason: "cannot create the file")
                        }
                        summary.media += 1
                    }
                }
            }
            // 2. The store, in one transaction.
            let progress = plan.decks.compactMap(\.progress)
            if !progress.isEmpty, let store {
                summary.reviews = try store.importProgress(
                    progress, at: options.now,
                    progress: { step in
                        let done = Int64(step.done)
                        let total = Int64(step.total)
                        switch step.stage {
                        case .items: report(AnkiImportProgress(.adding, done: done, total: total))
                        case .reviews: report(AnkiImportProgress(.reviews, done: done, total: total))
                        case .indexing: report(AnkiImportProgress(.indexing))
                        }
                    })
            }
        } catch {
            cleanUp()
            if let error = error as? AnkiError { throw error }
            if error is ProgressError { throw error }
            throw AnkiError.cannotWrite(path: folder, reason: "\(error.localizedDescription)")
        }
        // 3. Into place (the store has committed: from here on, nothing is rolled back).
        for file in temporary {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: file.from, isDirectory: &isDirectory), isDirectory.boolValue {
                try? fileManager.createDirectory(atPath: file.to, withIntermediateDirectories: true)
                for name in (try? fileManager.contentsOfDirectory(atPath: file.from)) ?? [] {
                    let destination = (file.to as NSString).appendingPathComponent(name)
                    try? fileManager.removeItem(atPath: destination)
                    try? fileManager.moveItem(
                        atPath: (file.from as NSString).appendingPathComponent(name), toPath: destination)
                }
                try? fileManager.removeItem(atPath: file.from)
            } else if rename(file.from, file.to) != 0 {
                cleanUp()
                throw AnkiError.cannotWrite(path: file.to, reason: String(cString: strerror(errno)))
            }
        }
        for deck in plan.decks {
            manifest.insert(deck.deck.id + ".json")
            summary.deckFiles.append((folder as NSString).appendingPathComponent(deck.deck.id + ".json"))
        }
        try? (manifest.sorted().joined(separator: "\n") + "\n").write(
            toFile: manifestPath, atomically: true, encoding: .utf8)
        return summary
    }
}
