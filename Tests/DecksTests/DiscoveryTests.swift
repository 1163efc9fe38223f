import Foundation
import Testing

@testable import Decks

/// A fresh temporary directory; the tests remove it with `remove` in a defer.
private func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("recall-decks-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

private func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

private func deckJSON(id: String) -> String {
    "{\"format\": 1, \"id\": \"\(id)\", \"title\": \"T\", \"description\": \"D\", \"sources\": [], \"cards\": []}"
}

@Test func bundledDecksAreFoundFromARepositoryBuild() throws {
    let root = try temporaryDirectory()
    defer { remove(root) }
    try write("// package", to: root + "/Package.swift")
    try write("{}", to: root + "/Decks/schema.json")
    let executable = root + "/.build/x86_64-unknown-linux-gnu/debug/recall"
    #expect(DeckDirectories.bundledDirectory(executablePath: executable) == root + "/Decks")
}

@Test func bundledDecksAreFoundFromAnInstall() throws {
    let prefix = try temporaryDirectory()
    defer { remove(prefix) }
    try FileManager.default.createDirectory(atPath: prefix + "/share/recall/decks", withIntermediateDirectories: true)
    #expect(DeckDirectories.bundledDirectory(executablePath: prefix + "/bin/recall") == prefix + "/share/recall/decks")
    let elsewhere = try temporaryDirectory()
    defer { remove(elsewhere) }
    #expect(DeckDirectories.bundledDirectory(executablePath: elsewhere + "/bin/recall") == nil)
}

@Test func standardDirectoriesAreSearchedInOrder() {
    let directories = DeckDirectories.standard(
        user: "/data/recall/decks", extra: ["/x", "/y"], executablePath: nil)
    #expect(directories.all == ["/data/recall/decks", "/x", "/y"])
}

@Test func discoveryLoadsInOrderSkipsBrokenDecksAndReportsDuplicatesOnce() throws {
    let root = try temporaryDirectory()
    defer { remove(root) }
    try write(deckJSON(id: "plot"), to: root + "/bundled/plot.json")
    try write("{}", to: root + "/bundled/schema.json")
    try write(deckJSON(id: "mine"), to: root + "/user/mine.json")
    try write(deckJSON(id: "plot"), to: root + "/extra/b-plot.json")
    try write("{\"format\": 1,", to: root + "/extra/a-broken.json")
    try write(deckJSON(id: "hidden"), to: root + "/extra/.hidden.json")
    try write("notes", to: root + "/extra/notes.txt")
    let directories = DeckDirectories(
        bundled: root + "/bundled", user: root + "/user", extra: [root + "/extra", root + "/nowhere"])
    let catalog = DeckCatalog.discover(directories, currentDirectory: root)
    #expect(catalog.decks.map(\.id) == ["plot", "mine"])
    #expect(catalog.decks.map(\.file) == ["bundled/plot.json", "user/mine.json"])
    #expect(
        catalog.results.map(\.file) == [
            "bundled/plot.json", "user/mine.json", "extra/a-broken.json", "extra/b-plot.json",
        ])
    #expect(
        catalog.problems.map(\.description) == [
            "\(root)/nowhere: error: no such directory",
            "extra/a-broken.json:1:14: error: unexpected end of file: expected a field name or '}'",
            "extra/b-plot.json:1:21: error: duplicate deck id \"plot\": bundled/plot.json already defines it (this file is skipped)",
        ])
    #expect(catalog.deck(id: "mine")?.title == "T")
}

@Test func missingStandardDirectoriesAreNotProblems() throws {
    let root = try temporaryDirectory()
    defer { remove(root) }
    let catalog = DeckCatalog.discover(DeckDirectories(bundled: nil, user: root + "/none"), currentDirectory: root)
    #expect(catalog.decks.isEmpty)
    #expect(catalog.problems.isEmpty)
}

@Test func loadingPathsTakesFilesAndDirectoriesOnce() throws {
    let root = try temporaryDirectory()
    defer { remove(root) }
    try write(deckJSON(id: "a"), to: root + "/d/a.json")
    try write(deckJSON(id: "b"), to: root + "/d/b.json")
    let catalog = DeckCatalog.load(paths: ["d/a.json", "d", "missing.json"], currentDirectory: root)
    #expect(catalog.results.map(\.file) == ["d/a.json", "d/b.json"])
    #expect(catalog.problems.map(\.description) == ["missing.json: error: no such file or directory"])
}

@Test func pathsStayAbsoluteWhenRunFromTheRootDirectory() throws {
    let root = try temporaryDirectory()
    defer { remove(root) }
    try write(deckJSON(id: "a"), to: root + "/d/a.json")
    let standardized = URL(fileURLWithPath: root + "/d/a.json").standardizedFileURL.path
    #expect(DeckCatalog.load(paths: [root + "/d"], currentDirectory: "/").results.map(\.file) == [standardized])
}

@Test func unreadableFilesAreReported() throws {
    let root = try temporaryDirectory()
    defer { remove(root) }
    #expect(DeckLoader.load(file: root + "/none.json").problems.map(\.message) == ["no such file"])
    #expect(DeckLoader.load(file: root).problems.map(\.message) == ["is a directory, not a deck file"])
}

// F11 (issue 16): a FIFO named x.json in a deck folder blocked `decks` and every start of
// recall forever, since opening a FIFO for reading waits for a writer.
@Test func aFIFONamedLikeADeckIsReportedNotOpenedForever() throws {
    let root = try temporaryDirectory()
    defer { remove(root) }
    try write(deckJSON(id: "a"), to: root + "/a.json")
    #expect(mkfifo(root + "/x.json", 0o644) == 0)
    let finished = finishes(within: 20) {
        #expect(DeckLoader.load(file: root + "/x.json").problems.map(\.message) == ["is not a regular file"])
        let catalog = DeckCatalog.discover(DeckDirectories(bundled: nil, user: root, extra: []), currentDirectory: "/")
        #expect(catalog.decks.map(\.id) == ["a"])
        #expect(catalog.problems.map(\.message) == ["is not a regular file"])
    }
    #expect(finished, "loading a deck folder with a FIFO in it hangs")
    if !finished {
        // Let the blocked reader go: open the FIFO for writing and close it.
        let writer = open(root + "/x.json", O_WRONLY | O_NONBLOCK)
        if writer >= 0 { close(writer) }
    }
}

/// Whether `work` finishes within `seconds` of wall time. It runs on a thread of its own,
/// so a hang fails the test instead of stalling the run (and a busy test pool does not count
/// against it, as it would with `.timeLimit`).
func finishes(within seconds: Double, _ work: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread {
        work()
        done.signal()
    }.start()
    return done.wait(timeout: .now() + seconds) == .success
}
