import Decks
import Foundation
import Testing

@testable import Drafting

/// The committed sample summaries (written for these tests), by file name.
let sampleNames = ["gatsby.md", "pride-and-prejudice.txt", "macbeth.md"]

/// The directory of the committed samples and their golden decks (in the source tree, so
/// that regenerated golden decks are read back at once).
func samplesDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Samples")
}

/// The text of a committed sample.
func sample(_ name: String) throws -> String {
    try String(contentsOf: samplesDirectory().appendingPathComponent(name), encoding: .utf8)
}

/// The seed texts of the bundled decks, when this checkout has them next to it (they are
/// other people's writing, so they are not committed here).
func seedFiles() -> [URL] {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/seeds").standardizedFileURL
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { directory.appendingPathComponent($0) }
}

/// Drafts text, failing the test on an error.
func drafted(_ text: String, file: String = "summary.md", options: DraftOptions = DraftOptions()) throws -> Deck {
    try Drafter.draft(text: text, file: file, options: options)
}

/// The summary as plain words: Markdown marks dropped, white space collapsed, so that a
/// card's text can be looked up in it.
func plain(_ text: String) -> String {
    text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
        .replacingOccurrences(of: "_", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Whether `phrase` (white space collapsed) occurs in `summary` (already `plain`).
func occurs(_ phrase: String, in summary: String) -> Bool {
    summary.contains(phrase.split(whereSeparator: \.isWhitespace).joined(separator: " "))
}

extension Deck {
    /// The cards of one type.
    func cards(ofType type: String) -> [Card] { cards.filter { $0.content.typeName == type } }
}
