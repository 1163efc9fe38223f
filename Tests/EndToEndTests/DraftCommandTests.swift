import Foundation
import Testing

/// `recall draft` run as a user runs it: the built binary, through pipes.
@Suite("recall draft, end to end")
struct DraftCommandTests {
    /// A committed sample summary of the Drafting tests, and its golden deck.
    static func sample(_ name: String) -> URL {
        CheckProcess.repository.appendingPathComponent("Tests/DraftingTests/Samples/\(name)")
    }

    @Test func draftsToStandardOutputTheGoldenDeck() throws {
        let directory = try CheckProcess.temporaryDirectory()
        defer { CheckProcess.removeTemporaryDirectory(directory) }
        try FileManager.default.copyItem(
            at: Self.sample("macbeth.md"), to: directory.appendingPathComponent("macbeth.md"))
        let output = try CheckProcess.run(["draft", "macbeth.md"], in: directory)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let golden = try String(contentsOf: Self.sample("macbeth.md.deck.json"), encoding: .utf8)
        #expect(output.stdout == golden)
        // The same bytes every time.
        #expect(try CheckProcess.run(["draft", "macbeth.md"], in: directory).stdout == output.stdout)
    }

    @Test func writesAFileThatPassesCheckAndNeverOverwritesWithoutForce() throws {
        let directory = try CheckProcess.temporaryDirectory()
        defer { CheckProcess.removeTemporaryDirectory(directory) }
        try FileManager.default.copyItem(
            at: Self.sample("gatsby.md"), to: directory.appendingPathComponent("gatsby.md"))
        let first = try CheckProcess.run(
            ["draft", "gatsby.md", "-o", "deck.json", "--id", "gatsby-draft", "--title", "Gatsby"], in: directory)
        #expect(first.status == 0)
        // The report is wrapped like recall's other prose.
        let report = first.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            report.hasPrefix(
                "Drafted 98 cards (10 basic, 7 typed, 7 choice, 48 truefalse, 26 cloze) from gatsby.md into deck.json.")
        )
        let check = try CheckProcess.run(["check", "deck.json"], in: directory)
        #expect(check.stdout == "1 deck, 98 cards, 0 errors\n")
        #expect(check.status == 0)
        let written = try String(contentsOf: directory.appendingPathComponent("deck.json"), encoding: .utf8)
        #expect(written.contains("\"id\": \"gatsby-draft\""))
        #expect(written.contains("\"title\": \"Gatsby\""))

        let again = try CheckProcess.run(["draft", "gatsby.md", "-o", "deck.json", "--max", "3"], in: directory)
        #expect(again.status == 1)
        #expect(again.stderr == "error: deck.json exists: pass --force to replace it, or choose another -o file\n")
        #expect(try String(contentsOf: directory.appendingPathComponent("deck.json"), encoding: .utf8) == written)

        let forced = try CheckProcess.run(
            ["draft", "gatsby.md", "-o", "deck.json", "--max", "3", "--types", "cloze", "--force"], in: directory)
        #expect(forced.status == 0)
        #expect(
            forced.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .hasPrefix("Drafted 3 cards (3 cloze) from gatsby.md into deck.json."))
        // No temporary file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["deck.json", "gatsby.md"])
    }

    @Test func badInputFailsWithAClearError() throws {
        let directory = try CheckProcess.temporaryDirectory()
        defer { CheckProcess.removeTemporaryDirectory(directory) }
        try Data().write(to: directory.appendingPathComponent("empty.md"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]).write(to: directory.appendingPathComponent("a.out"))
        try Data("just a note\n".utf8).write(to: directory.appendingPathComponent("note.txt"))
        let cases: [([String], String)] = [
            (["draft", "missing.md"], "error: missing.md: no such file\n"),
            (["draft", "."], "error: .: is a directory, not a summary file\n"),
            (
                ["draft", "empty.md"],
                "error: empty.md: the file is empty: write a summary (plain text or Markdown) to draft a deck from\n"
            ),
            (
                ["draft", "a.out"],
                "error: a.out: this is a binary file, not a text summary: give a plain-text or Markdown file\n"
            ),
        ]
        for (arguments, message) in cases {
            let output = try CheckProcess.run(arguments, in: directory)
            #expect(output.status == 1, "\(arguments)")
            #expect(output.stderr == message)
            #expect(output.stdout == "")
        }
        let note = try CheckProcess.run(["draft", "note.txt"], in: directory)
        #expect(note.status == 1)
        #expect(note.stderr.hasPrefix("error: note.txt: no sentence to draft a card from: "))
    }

    @Test func usageErrorsExitWithStatusTwo() throws {
        let directory = try CheckProcess.temporaryDirectory()
        defer { CheckProcess.removeTemporaryDirectory(directory) }
        try FileManager.default.copyItem(
            at: Self.sample("macbeth.md"), to: directory.appendingPathComponent("macbeth.md"))
        let usage =
            "usage: recall draft <summary> [--output <file>] [--id <id>] [--title <title>] [--types <types>] [--max <n>] [--force]\n"
        let cases: [([String], String)] = [
            (
                ["draft", "macbeth.md", "--types", "cloze,flash"],
                "error: unknown card type \"flash\" in --types (use: cloze, typed, choice, truefalse, basic)\n"
            ),
            (
                ["draft", "macbeth.md", "--id", "Not A Slug"],
                "error: --id \"Not A Slug\" is not a deck id: use lowercase letters, digits and single hyphens, starting and ending with a letter or digit, at most 64 characters\n"
            ),
            (
                ["draft", "macbeth.md", "--max", "0"],
                "error: the value '0' is invalid for '--max <n>': expected a whole number from 1 to 1000000\n"
            ),
            (["draft"], "error: missing expected argument '<summary>'\n"),
        ]
        for (arguments, message) in cases {
            let output = try CheckProcess.run(arguments, in: directory)
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stderr == message + usage, "\(arguments)")
        }
    }

    @Test func terminalEscapesReachNeitherTheDeckNorTheScreen() throws {
        let directory = try CheckProcess.temporaryDirectory()
        defer { CheckProcess.removeTemporaryDirectory(directory) }
        let summary = """
            # Notes\u{1B}]0;title\u{07}

            - Nick Carraway — the narrator, \u{1B}[31ma bond salesman\u{1B}[0m who rents a house in West Egg.
            - Jay Gatsby — a millionaire who throws parties for strangers\u{1B}[2J at his mansion.

            Nick visits his cousin Daisy in East Egg in the summer of 1922.\u{9B}2J
            """
        let name = "evil\u{1B}[41m.md"
        try Data(summary.utf8).write(to: directory.appendingPathComponent(name))
        let output = try CheckProcess.run(["draft", name], in: directory)
        #expect(output.status == 0)
        for text in [output.stdout, output.stderr] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
        }
        #expect(output.stdout.contains("\"title\": \"evil.md\""))
        #expect(output.stdout.contains("a bond salesman who rents a house in West Egg."))
        // And the file name in an error.
        let missing = try CheckProcess.run(["draft", "gone\u{1B}[2J.md"], in: directory)
        #expect(missing.stderr == "error: gone.md: no such file\n")
    }

    @Test func worksAtThePromptToo() throws {
        let sandbox = try REPLSandbox()
        let summary = try sandbox.write(
            try String(contentsOf: Self.sample("macbeth.md"), encoding: .utf8), to: "macbeth.md")
        let deck = sandbox.path("out/macbeth.json")
        try FileManager.default.createDirectory(atPath: sandbox.path("out"), withIntermediateDirectories: true)
        let run = try sandbox.pipe(
            ["--store", sandbox.path("store.sqlite")],
            input: "draft \(summary) -o \(deck) --types typed\ndraft \(summary) --types flash\nquit\n")
        #expect(
            run.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .contains("Drafted 6 cards (6 typed) from \(summary) into \(deck)."))
        #expect(run.errors.contains("error: unknown card type \"flash\" in --types"))
        let check = try CheckProcess.run(["check", deck])
        #expect(check.stdout == "1 deck, 6 cards, 0 errors\n")
    }
}
