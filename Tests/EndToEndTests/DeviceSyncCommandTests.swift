import Foundation
import Testing

/// `recall sync` and `settings --sync-dir`, run as a user would: two homes, one folder.
@Suite struct DeviceSyncCommandTests {
    /// A sandbox with the sample deck, and the options of machine `name` (its own store).
    static func machine(_ sandbox: REPLSandbox, _ name: String) -> [String] {
        ["--decks", sandbox.path("decks"), "--store", sandbox.path(name + ".sqlite")]
    }

    static func sandbox() throws -> REPLSandbox {
        let sandbox = try REPLSandbox()
        try sandbox.write(REPLFixtures.sampleDeck, to: "decks/sample.json")
        return sandbox
    }

    /// The review log of a machine (every answer, with its time and rating).
    static func log(_ sandbox: REPLSandbox, _ name: String) throws -> String {
        let run = try sandbox.pipe(["log", "--store", sandbox.path(name + ".sqlite")], input: "")
        #expect(run.status == 0)
        return run.output
    }

    /// Answers the sample deck's card `card` `count` times on machine `name`.
    static func answer(_ sandbox: REPLSandbox, _ name: String, card: String = "b", rating: Int = 3, count: Int = 1)
        throws
    {
        let run = try sandbox.pipe(
            [
                "debug", "record-answer", "--deck", "sample", "--card", card, "--rating", "\(rating)", "--count",
                "\(count)",
                "--store", sandbox.path(name + ".sqlite"),
            ], input: "")
        #expect(run.status == 0, "\(run.errors)")
    }

    @Test func twoHomesOneFolder() throws {
        let sandbox = try Self.sandbox()
        let folder = sandbox.path("shared")
        try Self.answer(sandbox, "laptop", card: "b", count: 2)
        try Self.answer(sandbox, "desktop", card: "b", rating: 1)
        try Self.answer(sandbox, "desktop", card: "t", rating: 4)
        let first = try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "laptop"), input: "")
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasPrefix("Sent 2 events to \(folder)/recall/"))
        #expect(first.output.hasSuffix(".jsonl.\nNothing new arrived.\n"))
        let second = try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "desktop"), input: "")
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("Received 2 answers from 1 other machine.\n"))
        let third = try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "laptop"), input: "")
        #expect(third.output == "Nothing new to send.\nReceived 2 answers from 1 other machine.\n")
        let laptop = try Self.log(sandbox, "laptop")
        #expect(laptop.split(separator: "\n").count == 5)
        #expect(try Self.log(sandbox, "desktop") == laptop)
        // Idempotent.
        let again = try sandbox.pipe(["sync", folder, "--json"] + Self.machine(sandbox, "desktop"), input: "")
        #expect(again.output.contains("\"receivedReviews\" : 0"))
        #expect(again.output.contains("\"sent\" : 0"))
    }

    @Test func withoutAFolderItIsAUsageErrorAndTheConfiguredFolderIsUsed() throws {
        let sandbox = try Self.sandbox()
        let none = try sandbox.pipe(["sync"] + Self.machine(sandbox, "laptop"), input: "")
        #expect(none.status == 2)
        #expect(
            none.errors.hasPrefix(
                "error: no sync folder: give one ('recall sync DIR') or configure one ('recall settings --sync-dir DIR')\nusage: recall sync"
            ))
        let set = try sandbox.pipe(
            ["settings", "--sync-dir", sandbox.path("shared")] + Self.machine(sandbox, "laptop"), input: "")
        #expect(set.status == 0)
        #expect(set.output.hasPrefix("Sync folder: \(sandbox.path("shared"))"))
        try Self.answer(sandbox, "laptop")
        let sync = try sandbox.pipe(["sync"] + Self.machine(sandbox, "laptop"), input: "")
        #expect(sync.status == 0)
        #expect(sync.output.hasPrefix("Sent 1 event to \(sandbox.path("shared"))/recall/"))
    }

    @Test func thePromptSyncsAtStartAndQuitWithoutWaiting() throws {
        let sandbox = try Self.sandbox()
        let folder = sandbox.path("shared")
        for name in ["laptop", "desktop"] {
            #expect(
                try sandbox.pipe(["settings", "--sync-dir", folder] + Self.machine(sandbox, name), input: "").status
                    == 0)
        }
        try Self.answer(sandbox, "laptop", count: 3)
        // Leaving the prompt hands the sync to a process of its own.
        let leave = try sandbox.pipe(Self.machine(sandbox, "laptop"), input: "quit\n")
        #expect(leave.status == 0)
        // Wait until the laptop's journal holds its three answers, whole.
        let journals = folder + "/recall"
        func journaledLines() -> Int {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: journals)) ?? []
            return names.reduce(0) { count, name in
                let text = (try? String(contentsOfFile: journals + "/" + name, encoding: .utf8)) ?? ""
                return count + text.split(separator: "\n").count
            }
        }
        var waited = 0
        while journaledLines() < 3, waited < 300 {
            usleep(100_000)
            waited += 1
        }
        #expect(journaledLines() == 3)
        // The desktop's prompt receives them in the background and says so before a later
        // prompt: keep using the prompt until it does (it never waits for the sync).
        let terminal = try sandbox.terminal(Self.machine(sandbox, "desktop"))
        var output = try terminal.expect("recall> ")
        var commands = 0
        while !output.contains("Sync: received 3 answers from 1 other machine.\n"), commands < 200 {
            terminal.sendLine("decks")
            output += try terminal.expect("recall> ")
            commands += 1
            usleep(50_000)
        }
        #expect(output.contains("Sync: received 3 answers from 1 other machine.\n"))
        terminal.sendLine("quit")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aFailedSyncAtQuitIsLoggedAndTheNextPromptSaysSo() throws {
        let sandbox = try Self.sandbox()
        let folder = sandbox.path("shared")
        #expect(
            try sandbox.pipe(["settings", "--sync-dir", folder] + Self.machine(sandbox, "laptop"), input: "").status
                == 0)
        // The folder turns out to be a file: the sync at quit fails, with nobody watching.
        try sandbox.write("not a folder", to: "shared")
        let log = sandbox.path("state") + "/recall/sync.log"
        func logText() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        func waitForLog(_ done: (String) -> Bool) {
            var waited = 0
            while !done(logText()), waited < 150 {
                usleep(100_000)
                waited += 1
            }
        }
        #expect(try sandbox.pipe(Self.machine(sandbox, "laptop"), input: "quit\n").status == 0)
        waitForLog { $0.contains(": failed\n") }
        #expect(
            logText().contains(
                "sync through \(folder): failed\n  error: cannot use the sync folder \(folder): it is not a folder\n"))
        // Fixed; the next prompt says once what happened, and where to read about it.
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let next = try sandbox.pipe(Self.machine(sandbox, "laptop"), input: "quit\n")
        // (The prompt wraps long lines at the terminal's width.)
        #expect(
            next.output.replacingOccurrences(of: "\n", with: " ").contains(
                "warning: the sync when recall last quit failed; see \(log) "))
        waitForLog { $0.contains(": ok\n") }
        #expect(logText().contains("  (shown when recall next started)\n"))
        let after = try sandbox.pipe(Self.machine(sandbox, "laptop"), input: "quit\n")
        #expect(!after.output.contains("warning: the sync when recall last quit"))
    }

    @Test func aCopiedStoreIsDetectedAndNewDeviceFixesIt() throws {
        let sandbox = try Self.sandbox()
        let folder = sandbox.path("shared")
        try Self.answer(sandbox, "laptop")
        #expect(try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "laptop"), input: "").status == 0)
        try FileManager.default.copyItem(atPath: sandbox.path("laptop.sqlite"), toPath: sandbox.path("copy.sqlite"))
        try Self.answer(sandbox, "laptop", card: "t")
        try Self.answer(sandbox, "copy", card: "c")
        #expect(try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "laptop"), input: "").status == 0)
        let clash = try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "copy"), input: "")
        #expect(clash.status == 1)
        #expect(clash.errors.hasPrefix("error: \(folder)/recall/"))
        #expect(clash.errors.contains("two stores share one device id"))
        #expect(clash.errors.contains("run 'recall sync --new-device' on one of them"))
        let fixed = try sandbox.pipe(["sync", folder, "--new-device"] + Self.machine(sandbox, "copy"), input: "")
        #expect(fixed.status == 0, "\(fixed.errors)")
        #expect(fixed.output.hasPrefix("This store is now device "))
        #expect(try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "laptop"), input: "").status == 0)
        #expect(try Self.log(sandbox, "laptop") == Self.log(sandbox, "copy"))
        #expect(try Self.log(sandbox, "laptop").split(separator: "\n").count == 4)
    }

    @Test func aCorruptLineIsReportedWithItsPositionAndTheRestMerged() throws {
        let sandbox = try Self.sandbox()
        let folder = sandbox.path("shared")
        try sandbox.write(
            """
            {"device":"aaaa","seq":1,"type":"review","deck":"sample","item":"b","time":1795255200000,"kind":"study","rating":3,"duration":null}
            {"device":"aaaa","seq":2,"type":"review","deck":"sample","item":"b","time":1795255260000,"kind":"study","rating":9,"duration":null}
            {"device":"aaaa","seq":3,"type":"review","deck":"sample","item":"t","time":1795255300000,"kind":"study","rating":4,"duration":null}
            {"device":"aaaa","seq":4,"type":"review",
            """, to: "shared/recall/aaaa.jsonl")
        let run = try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "laptop"), input: "")
        #expect(run.status == 0)
        #expect(run.errors == "warning: \(folder)/recall/aaaa.jsonl:2: field \"rating\": expected 1 to 4\n")
        #expect(run.output.contains("Received 2 answers from 1 other machine."))
    }

    @Test func aKilledLargeMergeLosesAndDoublesNothing() throws {
        // Enough answers for the bulk path (the time index dropped and rebuilt, tallies per chunk).
        let sandbox = try Self.sandbox()
        let folder = sandbox.path("shared")
        var journal = ""
        for sequence in 1...25_000 {
            journal +=
                #"{"device":"aaaa","seq":\#(sequence),"type":"review","deck":"sample","item":"\#(sequence % 3 == 0 ? "t" : "b")","#
                + #""time":\#(1_795_255_200_000 + sequence * 60_000),"kind":"study","rating":\#(sequence % 4 + 1),"duration":null}"#
                + "\n"
        }
        try sandbox.write(journal, to: "shared/recall/aaaa.jsonl")
        for delay in [100, 250, 450] { try Self.killedSync(sandbox, folder, "laptop", after: delay) }
        let finish = try sandbox.pipe(["sync", folder, "--quiet"] + Self.machine(sandbox, "laptop"), input: "")
        #expect(finish.status == 0, "\(finish.errors)")
        let reference = try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "desktop"), input: "")
        #expect(reference.output.contains("Received 25000 answers from 1 other machine."))
        let laptop = try Self.log(sandbox, "laptop")
        #expect(laptop.split(separator: "\n").count == 25_001)
        #expect(try Self.log(sandbox, "desktop") == laptop)
        let again = try sandbox.pipe(["sync", folder] + Self.machine(sandbox, "laptop"), input: "")
        #expect(again.output == "Nothing new to send.\nNothing new arrived.\n")
    }

    /// Starts `recall sync FOLDER` for `machine` and kills it with SIGKILL after `milliseconds`.
    static func killedSync(_ sandbox: REPLSandbox, _ folder: String, _ machine: String, after milliseconds: Int) throws
    {
        let process = Process()
        process.executableURL = RecallBinary.url
        process.arguments = ["sync", folder, "--quiet"] + Self.machine(sandbox, machine)
        process.environment = sandbox.environment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(milliseconds * 1_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test func killedSyncsLoseAndDoubleNothing() throws {
        let sandbox = try Self.sandbox()
        let folder = sandbox.path("shared")
        try Self.answer(sandbox, "laptop", card: "b", count: 150)
        try Self.answer(sandbox, "laptop", card: "t", count: 150)
        for (name, delays) in [("laptop", [2, 8, 20, 40]), ("desktop", [2, 8, 20, 40])] {
            for delay in delays { try Self.killedSync(sandbox, folder, name, after: delay) }
            let finish = try sandbox.pipe(["sync", folder, "--quiet"] + Self.machine(sandbox, name), input: "")
            #expect(finish.status == 0, "\(finish.errors)")
        }
        let journal = try FileManager.default.contentsOfDirectory(atPath: folder + "/recall").filter {
            $0.hasSuffix(".jsonl")
        }
        #expect(journal.count == 1)
        let lines = try String(contentsOfFile: folder + "/recall/" + journal[0], encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 300)
        let laptop = try Self.log(sandbox, "laptop")
        #expect(laptop.split(separator: "\n").count == 301)
        #expect(try Self.log(sandbox, "desktop") == laptop)
    }

    @Test func theGitRecipeWorksWithTwoClonesOfABareRepository() throws {
        let sandbox = try Self.sandbox()
        let binFolder = RecallBinary.url.deletingLastPathComponent().path
        let environment = sandbox.environment([
            "PATH": binFolder + ":/usr/local/bin:/usr/bin:/bin", "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1",
        ])
        func shell(_ script: String, in folder: String) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let root = sandbox.path("")
        var (status, output) = try shell(
            """
            git init -q --bare origin.git && git clone -q origin.git one 2>/dev/null && cd one \
            && mkdir decks && cp ../decks/sample.json decks/ && git add -A && git commit -qm decks && git push -q origin HEAD \
            && cd .. && git clone -q origin.git two
            """, in: root)
        #expect(status == 0, "\(output)")
        try Self.answer(sandbox, "one", card: "b", count: 2)
        try Self.answer(sandbox, "two", card: "b", rating: 1)
        try Self.answer(sandbox, "two", card: "c", rating: 4)
        func recipe(_ machine: String) throws -> (Int32, String) {
            let recall = "recall sync sync --store ../\(machine).sqlite --decks decks"
            return try shell(
                "\(recall) && git add -A && (git diff --cached --quiet || git commit -qm sync) && git pull -q --rebase "
                    + "&& git push -q origin HEAD && \(recall)", in: sandbox.path(machine))
        }
        for machine in ["one", "two", "one"] {
            (status, output) = try recipe(machine)
            #expect(status == 0, "\(machine): \(output)")
        }
        #expect(output.contains("Received 2 answers from 1 other machine."))
        let one = try Self.log(sandbox, "one")
        #expect(one.split(separator: "\n").count == 5)
        #expect(try Self.log(sandbox, "two") == one)
        (status, output) = try shell("git log --oneline | wc -l && ls sync/recall | wc -l", in: sandbox.path("two"))
        #expect(output == "3\n2\n")
    }
}
