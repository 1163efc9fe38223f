import Foundation
import Testing

/// An installed-style layout: a copy of the binary in bin/, bundled decks in
/// share/recall/decks, user decks under XDG_DATA_HOME, and an extra --decks directory.
private func installedLayout() throws -> (root: URL, binary: URL, environment: [String: String]) {
    let root = try CheckProcess.temporaryDirectory()
    let binary = root.appendingPathComponent("bin/recall")
    try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
    try RecallBinary.place(at: binary)
    try CheckProcess.writeDeck(
        id: "plot", title: "The plot", cards: 3, to: root.appendingPathComponent("share/recall/decks/plot.json"))
    try CheckProcess.writeDeck(
        id: "mine", title: "My deck", cards: 12, to: root.appendingPathComponent("data/recall/decks/mine.json"))
    try CheckProcess.writeDeck(
        id: "extra", title: "Extra", cards: 1, to: root.appendingPathComponent("more/extra.json"))
    try CheckProcess.writeDeck(
        id: "plot", title: "Another plot", cards: 1, to: root.appendingPathComponent("more/plot-copy.json"))
    try "{\"format\": 1}".write(to: root.appendingPathComponent("more/broken.json"), atomically: true, encoding: .utf8)
    return (root, binary, ["XDG_DATA_HOME": root.appendingPathComponent("data").path])
}

@Test func decksListsBundledUserAndExtraDecksAndReportsProblemsOnce() throws {
    let (root, binary, environment) = try installedLayout()
    defer { CheckProcess.removeTemporaryDirectory(root) }
    let output = try CheckProcess.run(
        ["decks", "--decks", "more"], executable: binary, in: root, environment: environment)
    #expect(
        output.stdout == """
            DECK   TITLE     CARDS  ITEMS  NEW  DUE  FILE
            plot   The plot      3      3    3    0  share/recall/decks/plot.json
            mine   My deck      12     12   12    0  data/recall/decks/mine.json
            extra  Extra         1      1    1    0  more/extra.json

            """)
    #expect(
        output.stderr == """
            more/broken.json:1:1: error: missing field "id"
            more/broken.json:1:1: error: missing field "title"
            more/broken.json:1:1: error: missing field "description"
            more/broken.json:1:1: error: missing field "sources" (write "sources": [] for a deck without sources)
            more/broken.json:1:1: error: missing field "cards"
            more/plot-copy.json:1:21: error: duplicate deck id "plot": share/recall/decks/plot.json already defines it (this file is skipped)

            """)
    #expect(output.status == 0)
}

@Test func decksJSONIsForScripts() throws {
    let (root, binary, environment) = try installedLayout()
    defer { CheckProcess.removeTemporaryDirectory(root) }
    let output = try CheckProcess.run(["decks", "--json"], executable: binary, in: root, environment: environment)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["id"] as? String } == ["plot", "mine"])
    #expect(rows.map { $0["cards"] as? Int } == [3, 12])
    #expect(rows.map { $0["title"] as? String } == ["The plot", "My deck"])
    #expect(rows.map { $0["file"] as? String } == ["share/recall/decks/plot.json", "data/recall/decks/mine.json"])
    #expect(output.status == 0)
}

@Test func checkWithoutPathsChecksEveryDeckFound() throws {
    let (root, binary, environment) = try installedLayout()
    defer { CheckProcess.removeTemporaryDirectory(root) }
    let output = try CheckProcess.run(
        ["check", "--decks", "more"], executable: binary, in: root, environment: environment)
    #expect(output.stdout.hasSuffix("5 decks, 17 cards, 6 errors\n"))
    #expect(output.status == 1)
    let clean = try CheckProcess.run(["check"], executable: binary, in: root, environment: environment)
    #expect(clean.stdout == "2 decks, 15 cards, 0 errors\n")
    #expect(clean.status == 0)
}

@Test func aMissingDecksDirectoryIsReported() throws {
    let (root, binary, environment) = try installedLayout()
    defer { CheckProcess.removeTemporaryDirectory(root) }
    let output = try CheckProcess.run(
        ["decks", "--decks", "nowhere"], executable: binary, in: root, environment: environment)
    #expect(output.stderr == "nowhere: error: no such directory\n")
    #expect(output.stdout.hasPrefix("DECK "))
}

@Test func noDecksFoundSaysWhereToPutThem() throws {
    let root = try CheckProcess.temporaryDirectory()
    defer { CheckProcess.removeTemporaryDirectory(root) }
    let binary = root.appendingPathComponent("recall")
    try RecallBinary.place(at: binary)
    let output = try CheckProcess.run(
        ["decks"], executable: binary, in: root, environment: ["XDG_DATA_HOME": root.path + "/xdg"])
    #expect(output.stdout == "No decks found. Put deck files in \(root.path)/xdg/recall/decks or pass --decks DIR.\n")
}
