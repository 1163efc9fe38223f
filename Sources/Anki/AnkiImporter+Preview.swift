import Decks
import Foundation

extension AnkiImporter {
    /// The decks the text export `text` would become, as their JSON files, without writing
    /// anything: what `importFile` plans for a `.txt`/`.csv` export (the fuzzer's entry point).
    ///
    /// - Throws: `AnkiError.textFile` with the line of a problem in the text, or
    ///   `AnkiError.damaged` when a mapped deck would not pass `recall check`.
    public static func previewTextExport(_ text: String, path: String) throws -> [String] {
        let collection = try AnkiTextFile.parse(text, path: path)
        let options = AnkiImportOptions(decksDirectory: "", now: Date(timeIntervalSince1970: 1_700_000_000))
        return try AnkiImportPlan(collection: collection, path: path, options: options).decks.map(\.json)
    }
}

extension AnkiImporter {
    /// The decks the package at `path` would become, as their JSON files, with the media they
    /// would take: what `importFile` plans for an `.apkg`/`.colpkg`, read under `limits`,
    /// without writing anything but the reader's temporary copy of the collection (removed
    /// before it returns). The fuzzer's entry point for packages.
    ///
    /// - Throws: `AnkiError` for anything wrong with the package.
    public static func previewPackage(at path: String, limits: AnkiPackageLimits) throws -> (
        decks: [String], media: [String]
    ) {
        let (collection, package) = try open(path, limits: limits)
        defer { package?.close() }
        let options = AnkiImportOptions(decksDirectory: "", now: Date(timeIntervalSince1970: 1_700_000_000))
        var plan = try AnkiImportPlan(collection: collection, path: path, options: options)
        try plan.loadMedia(from: package)
        return (plan.decks.map(\.json), plan.media.keys.sorted())
    }
}
