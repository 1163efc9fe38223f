import Anki
import Decks
import Foundation

extension FuzzTarget {
    /// Anki packages (.apkg/.colpkg): the zip, the meta entry, the media map, the collection
    /// and the plan of decks and media, read (under small limits) without importing. Any
    /// bytes give decks or an `AnkiError`, never a crash; every deck passes `recall check`;
    /// every media name it would write is a plain file name; no message carries a control
    /// or bidirectional character to the terminal.
    public static let ankiPackage = FuzzTarget("anki-package") { bytes in
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("recall-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("fuzz.apkg").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            preconditionFailure("cannot write the input to \(path)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let limits = AnkiPackageLimits(
            entryBytes: 16 << 20, totalBytes: 32 << 20, entries: 1_000, mapBytes: 1 << 20)
        do {
            let preview = try AnkiImporter.previewPackage(at: path, limits: limits)
            for json in preview.decks {
                let check = DeckLoader.load(json: json, file: "fuzz.json")
                precondition(!check.problems.contains { $0.isError }, "an imported deck fails recall check")
            }
            for name in preview.media {
                precondition(
                    !name.isEmpty && !name.contains("/") && name != "." && name != "..",
                    "a media name with a path: \(name.debugDescription)")
            }
        } catch let error as AnkiError {
            if case .damaged(_, let detail) = error, detail.contains("would not pass recall check") {
                preconditionFailure("the mapping made a deck recall check refuses: \(detail)")
            }
            precondition(
                FuzzInput.isPrintable(error.description), "unsafe message: \(error.description.debugDescription)")
        } catch {
            preconditionFailure("an error that is not an AnkiError: \(error)")
        }
    }
}
