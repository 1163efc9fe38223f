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
