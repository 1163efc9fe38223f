import Foundation
import Testing

/// Files that are not sound recall stores, seen from the command line: refused, untouched.
@Suite struct StoreDamageTests {
    @Test func aFileThatIsNotAStoreFailsWithExit1AndIsLeftAlone() throws {
        let sandbox = try REPLSandbox()
        let path = try sandbox.write("my shopping list\neggs\n", to: "list.sqlite")
        for arguments in [["log", "--store", path], ["debug", "record-answer", "--store", path, "--deck", "d", "--card", "c"]] {
            let run = try sandbox.pipe(arguments, input: "")
            #expect(run.status == 1)
            #expect(
                run.errors
                    == "error: cannot open progress store \(path): it is not a recall progress store (file is not a database); "
                    + "move it aside or pass another path with --store\n")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my shopping list\neggs\n")
    }

    @Test func aDamagedStoreFailsWithExit1AndIsLeftAlone() throws {
        let sandbox = try REPLSandbox()
        let store = sandbox.path("progress.sqlite")
        let made = try sandbox.pipe(
            ["debug", "record-answer", "--store", store, "--deck", "plot", "--card", "ruth", "--count", "3"], input: "")
        #expect(made.status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        for offset in (4 * 4_096 + 8)..<(4 * 4_096 + 600) { bytes[offset] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: store))
        for arguments in [["log"], ["debug", "record-answer", "--deck", "plot", "--card", "ruth"]] {
            let run = try sandbox.pipe(arguments + ["--store", store], input: "")
            #expect(run.status == 1)
            #expect(run.errors.hasPrefix("error: cannot open progress store \(store): it is damaged (quick_check: "), "\(run.errors)")
            #expect(run.errors.hasSuffix("); restore a backup or move it aside to start afresh\n"))
            #expect(run.errors.split(separator: "\n").count == 1)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
        // The prompt, and the subcommands that run one of its commands, refuse it too.
        for (arguments, input) in [([String](), "quit\n"), ([], ""), (["stats"], ""), (["study"], ""), (["quiz"], "")] {
            let run = try sandbox.pipe(arguments + ["--store", store], input: input)
            #expect(run.status == 1, "recall \(arguments)")
            #expect(run.errors.contains("cannot open progress store \(store): it is damaged (quick_check: "), "\(run.errors)")
            #expect(run.errors.split(separator: "\n").count == 1, "\(run.errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
    }
}
