import Foundation
import Testing

/// `import` at the prompt: the decks it writes can be studied, listed and completed in the
/// same session, without leaving the prompt.
@Suite struct ImportAtPromptTests {
    /// A committed Anki package (the import tests' fixture), from the checkout.
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AnkiTests/Fixtures/latest.apkg").path

    @Test func importedDecksAreUsableAtOnce() throws {
        let sandbox = try REPLSandbox()
        try sandbox.write(REPLFixtures.sampleDeck, to: "data/recall/decks/sample.json")
        let run = try sandbox.pipe(
            [], input: "import \(Self.package)\ncards vocab\nstats vocab\ndecks\nquit\n")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("imported 2 decks"), "\(run.output)")
        #expect(!run.errors.contains("error:"), "\(run.errors)")
        // `decks` lists both imported decks next to the one that was there.
        for id in ["vocab", "lit-novel-part-1", "sample"] {
            #expect(run.output.contains(id), "\(id) not in \(run.output)")
        }
    }

    @Test func aSecondImportAtThePromptUpdatesInsteadOfDuplicating() throws {
        let sandbox = try REPLSandbox()
        let run = try sandbox.pipe(
            [], input: "import \(Self.package)\nimport \(Self.package)\ncards vocab --json\nquit\n")
        #expect(run.status == 0, "\(run.errors)")
        let summaries = run.output.split(separator: "\n").filter { $0.hasPrefix("imported 2 decks") }
        #expect(summaries.count == 2, "\(run.output)")
        #expect(summaries.first?.contains(" 0 reviews") == false, "\(run.output)")
        #expect(summaries.last?.contains(" 0 reviews") == true, "\(run.output)")
        #expect(!run.errors.contains("error:"), "\(run.errors)")
    }

    @Test func importingIntoAFolderRecallDoesNotReadSaysHowToStudyIt() throws {
        let sandbox = try REPLSandbox()
        let elsewhere = sandbox.path("elsewhere")
        let run = try sandbox.pipe(["import", Self.package, "--into", elsewhere], input: "")
        #expect(run.status == 0, "\(run.errors)")
        #expect(
            run.errors.replacingOccurrences(of: "\n", with: " ").contains(
                "note: recall does not look for decks in \(elsewhere): pass --decks \(elsewhere) to study them"),
            "\(run.errors)")
        // At a prompt that reads decks from that folder (--decks), there is nothing to say.
        let again = try sandbox.pipe(
            ["--decks", elsewhere], input: "import \(Self.package) --into \(elsewhere)\ncards vocab\nquit\n")
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("imported 2 decks"), "\(again.output)")
        #expect(!again.errors.contains("recall does not look for decks"), "\(again.errors)")
    }
}
