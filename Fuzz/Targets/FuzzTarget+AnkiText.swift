import Anki
import Decks

extension FuzzTarget {
    /// Anki's plain-text notes export, parsed and mapped to decks: any text gives decks or an
    /// error naming a line, never a crash; every deck it maps to passes `recall check`, and
    /// no message carries a control or bidirectional character to the terminal.
    public static let ankiText = FuzzTarget("anki-text") { bytes in
        let text = FuzzInput.text(bytes)
        do {
            for json in try AnkiImporter.previewTextExport(text, path: "fuzz.txt") {
                let check = DeckLoader.load(json: json, file: "fuzz.json")
                precondition(!check.problems.contains { $0.isError }, "an imported deck fails recall check")
            }
        } catch let error as AnkiError {
            if case .damaged(_, let detail) = error {
                preconditionFailure("the mapping made a deck recall check refuses: \(detail)")
            }
            precondition(
                FuzzInput.isPrintable(error.description), "unsafe message: \(error.description.debugDescription)")
        } catch {
            preconditionFailure("an error that is not an AnkiError: \(error)")
        }
    }
}
