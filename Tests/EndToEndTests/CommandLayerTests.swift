import Foundation
import Testing

/// One command layer: every command is the same at the prompt and as `recall X` (messages,
/// help, exit status), writes through one output that reports its failures, and prints
/// deck text only sanitised.
@Suite struct CommandLayerTests {
    /// A sandbox with the sample deck among the user's decks and a store with one answer.
    static func sandbox() throws -> REPLSandbox {
        let sandbox = try REPLSandbox()
        try sandbox.write(REPLFixtures.sampleDeck, to: "data/recall/decks/sample.json")
        let made = try sandbox.pipe(["debug", "record-answer", "--deck", "sample", "--card", "t"], input: "")
        #expect(made.status == 0, "\(made.errors)")
        return sandbox
    }

    /// What the prompt printed on standard error for `line`, and its exit status.
    static func atThePrompt(_ sandbox: REPLSandbox, _ line: String) throws -> (errors: String, status: Int32) {
        let run = try sandbox.pipe([], input: line + "\nquit\n")
        return (run.errors, run.status)
    }

    static let badLines: [String] = [
        "studdy",
        "study nosuch",
        "study sample --tag peopel",
        "quiz --count -1",
        "quiz --count",
        "quiz --cont 3",
        "settings --retention 0.6999",
        "settings --retention 0x1.8p-1",
        "settings sample --scheduler anki",
        "stats nosuch",
        "stats a b",
        "decks --all",
        "cards --state due",
        "cards smaple",
        "log --deck nosuch",
        "log --since yesterday",
        "replay",
        "replay h.csv --retention 1.5",
        "check --bogus",
        "help bogus",
        "help studdy",
    ]

    @Test(arguments: badLines)
    func aBadLineGivesTheSameMessageAtThePromptAndAsASubcommand(line: String) throws {
        let sandbox = try Self.sandbox()
        let subcommand = try sandbox.pipe(line.split(separator: " ").map(String.init), input: "")
        #expect(subcommand.status == 2)
        #expect(subcommand.output == "")
        let lines = subcommand.errors.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.count == 3 && lines[0].hasPrefix("error: ") && lines[1].hasPrefix("usage: recall") && lines[2] == "",
            "\(subcommand.errors)")
        let prompt = try Self.atThePrompt(sandbox, line)
        #expect(prompt.errors == subcommand.errors)
        #expect(prompt.status == 0)  // the prompt carries on
    }

    @Test func unknownTopicsAndDecksSuggestTheNearest() throws {
        let sandbox = try Self.sandbox()
        let help = try sandbox.pipe(["help", "studdy"], input: "")
        #expect(
            help.errors.hasPrefix("error: unknown command \"studdy\" (did you mean \"study\"?)\nusage: recall help "))
        let log = try sandbox.pipe(["log", "--deck", "sampel"], input: "")
        #expect(log.status == 2)
        #expect(log.errors.hasPrefix("error: no deck \"sampel\" (did you mean \"sample\"?)\nusage: recall log "))
        let count = try sandbox.pipe(["quiz", "--count", "-1"], input: "")
        #expect(!count.errors.contains("Missing value"))
    }

    /// The commands `recall --help` lists (so a command added later is covered too).
    static func listedCommands(_ sandbox: REPLSandbox) throws -> [String] {
        let help = try sandbox.pipe(["--help"], input: "").output
        let section = help.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else {
                return nil
            }
            let word = String(name).trimmingCharacters(in: CharacterSet(charactersIn: ","))
            return word.allSatisfy({ $0.isLowercase || $0 == "-" }) ? word : nil  // not "See 'recall help …'"
        }
    }

    @Test func helpIsTheSameInBothPlacesForEveryCommand() throws {
        let sandbox = try Self.sandbox()
        let commands = try Self.listedCommands(sandbox)
        #expect(
            Set(["study", "quiz", "decks", "cards", "stats", "settings", "check", "log", "replay", "help", "quit"])
                .isSubset(of: commands))
        for command in commands {
            let dashed = try sandbox.pipe([command, "--help"], input: "")
            #expect(dashed.status == 0)
            #expect(dashed.output.hasPrefix("OVERVIEW: "), "\(command)")
            let topic = try sandbox.pipe(["help", command], input: "")
            #expect(topic.output == dashed.output, "\(command)")
            let prompt = try sandbox.pipe([], input: "help \(command)\n\(command) --help\n")
            let parts = prompt.output.components(separatedBy: "recall> ")
            #expect(parts.count == 4, "\(command)")
            #expect(parts.count == 4 && parts[1] == "help \(command)\n" + dashed.output, "\(command)")
            #expect(parts.count == 4 && parts[2] == "\(command) --help\n" + dashed.output, "\(command)")
        }
    }

    /// Runs recall with standard output on /dev/full.
    static func toAFullDisk(_ sandbox: REPLSandbox, _ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = RecallBinary.url
        process.arguments = arguments
        process.environment = sandbox.environment()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "recall \(arguments) was killed")
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func outputThatCannotBeWrittenIsAFailure() throws {
        let sandbox = try Self.sandbox()
        let history = try sandbox.write("card_id,review_time,rating\nk,2024-01-01T00:00:00Z,4\n", to: "h.csv")
        for arguments in [
            ["log", "--csv"], ["replay", history], ["stats"], ["stats", "--json"], ["check"], ["decks"],
            ["decks", "--json"],
            ["settings"], ["cards", "--json"], ["help"], ["study", "--help"],
        ] {
            let run = try Self.toAFullDisk(sandbox, arguments)
            #expect(run.status == 1, "recall \(arguments)")
            #expect(run.errors == "error: cannot write output: No space left on device\n", "recall \(arguments)")
        }
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let sandbox = try Self.sandbox()
        // SIGPIPE ignored (inherited), the reader gone before recall writes.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "trap '' PIPE; { sleep 0.3; \"$0\" log; echo \"status $?\" >&2; } | true",
            RecallBinary.url.path,
        ]
        process.environment = sandbox.environment()
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self) == "status 141\n")
    }

    @Test func deckTextIsSanitisedEverywhereItIsPrinted() throws {
        let sandbox = try REPLSandbox()
        // A bidi override passes deck validation; an escape in a field name is reported by check.
        let deck = REPLFixtures.sampleDeck
            .replacingOccurrences(of: "\"title\": \"Sample\"", with: "\"title\": \"Sam\\u202Eelp\"")
            .replacingOccurrences(of: "Which school", with: "Which \\u202Eschool")
        try sandbox.write(deck, to: "data/recall/decks/sample.json")
        try sandbox.write(
            #"{"format": 1, "id": "bad", "title": "T", "description": "D", "sources": [], "cards": [], "\u001b[2Jx": 1}"#,
            to: "bad/bad.json")
        let answered = try sandbox.pipe(
            ["debug", "record-answer", "--deck", "sample", "--card", "t", "--rating", "1"], input: "")
        #expect(answered.status == 0)
        for (arguments, shown) in [
            (["decks"], "Sam"), (["decks", "--json"], "Sam"), (["cards", "--json"], "Which "), (["cards"], "Which "),
            (["stats"], "Which "), (["stats", "--json"], "Which "),
        ] {
            let run = try sandbox.pipe(arguments, input: "")
            #expect(run.status == 0, "recall \(arguments): \(run.errors)")
            #expect(run.output.contains(shown), "recall \(arguments)")
            #expect(!run.output.unicodeScalars.contains("\u{202E}"), "recall \(arguments)")
        }
        for arguments in [["check", sandbox.path("bad")], ["check", "--json", sandbox.path("bad")]] {
            let run = try sandbox.pipe(arguments, input: "")
            #expect(run.status == 1)
            #expect(run.output.contains("unknown field"), "\(run.output)")
            #expect(
                !run.output.contains("\u{1B}") && !run.output.contains("u001b") && !run.output.contains("u001B"),
                "\(run.output)")
        }
    }

    @Test func decksAndStatsMentionOrphanedDecksAndDeleteNothing() throws {
        let sandbox = try Self.sandbox()
        let recorded = try sandbox.pipe(["debug", "record-answer", "--deck", "gone", "--card", "x"], input: "")
        #expect(recorded.status == 0)
        for arguments in [["decks"], ["stats"]] {
            let run = try sandbox.pipe(arguments, input: "")
            #expect(run.status == 0)
            #expect(
                run.output.contains("Progress kept for 1 deck with no deck file: gone. Nothing is deleted"),
                "recall \(arguments): \(run.output)")
        }
        let json = try sandbox.pipe(["stats", "--json"], input: "")
        #expect(json.output.contains("\"orphaned_decks\" : [\n    \"gone\"\n  ]"))
        let log = try sandbox.pipe(["log", "--deck", "gone"], input: "")
        #expect(log.output.split(separator: "\n").count == 2)  // the header and the answer, kept
    }
}
