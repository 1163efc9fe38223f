import Foundation
import Testing

/// The main prompt, through a pseudo-terminal and through a pipe.
@Suite struct ShellTests {
    @Test func unknownCommandSuggestsTheNearestAndCtrlDLeaves() throws {
        let sandbox = try REPLSandbox()
        let terminal = try sandbox.terminal()
        try terminal.expect("recall> ")
        terminal.sendLine("studdy")
        try terminal.expect(
            "error: unknown command \"studdy\" (did you mean \"study\"?)\nusage: recall [--decks <dir> ...] [--store <path>] <subcommand>\nrecall> "
        )
        terminal.sendEOF()
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func accentedInputIsShownAsTypedEvenInTheCLocale() throws {
        let sandbox = try REPLSandbox()
        let terminal = try sandbox.terminal(environment: ["LANG": "C"])
        try terminal.expect("recall> ")
        terminal.sendLine("studdé")
        try terminal.expect(
            "studdé\nerror: unknown command \"studdé\" (did you mean \"study\"?)\nusage: recall [--decks <dir> ...] [--store <path>] <subcommand>\nrecall> "
        )
        terminal.sendEOF()
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func afterAStopAndContinueTheLineIsRedrawnAndStillEdits() throws {
        let sandbox = try REPLSandbox()
        let terminal = try sandbox.terminal()
        try terminal.expect("recall> ")
        terminal.send("help qu")
        try terminal.expect("help qu")
        kill(terminal.pid, SIGSTOP)
        kill(terminal.pid, SIGCONT)
        try terminal.expect("recall> help qu")
        terminal.sendLine("it")
        try terminal.expect("OVERVIEW: Leave recall (Ctrl-D does too).\n")
        try terminal.expect("recall> ")
        terminal.sendEOF()
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let sandbox = try REPLSandbox()
        let terminal = try sandbox.terminal()
        try terminal.expect("recall> ")
        terminal.send("studdy")
        try terminal.expect("studdy")
        terminal.sendControlC()
        try terminal.expect("^C\nrecall> ")
        terminal.sendLine("help quit")
        // The discarded "studdy" is gone: the line is only what was typed after Ctrl-C.
        try terminal.expect("help quit\nOVERVIEW: Leave recall (Ctrl-D does too).\n\nUSAGE: recall quit\n")
        try terminal.expect("recall> ")
        terminal.sendLine("quit")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesCommands() throws {
        let sandbox = try REPLSandbox()
        let terminal = try sandbox.terminal()
        try terminal.expect("recall> ")
        terminal.send("hel\t")
        try terminal.expect("help ")
        terminal.send("qui\t\t")
        try terminal.expect("quit  quiz")
        terminal.sendControlC()
        try terminal.expect("^C\nrecall> ")
        terminal.sendLine("exit")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historyIsKeptAcrossRuns() throws {
        let sandbox = try REPLSandbox()
        let first = try sandbox.terminal()
        try first.expect("recall> ")
        first.sendLine("help decks")
        try first.expect("recall> ")
        first.sendLine("quit")
        #expect(try first.waitForExit() == 0)
        let history = try String(contentsOfFile: sandbox.path("state/recall/history"), encoding: .utf8)
        #expect(history == "help decks\nquit\n")

        let second = try sandbox.terminal()
        try second.expect("recall> ")
        second.send("\u{1B}[A\u{1B}[A")  // up, up: "help decks"
        second.sendLine("")
        try second.expect("List the decks")
        // Wait for the prompt: a Ctrl-D typed while the terminal is not in readline's
        // mode is a canonical-mode EOF that the switch to readline's mode drops.
        try second.expect("recall> ")
        second.sendEOF()
        #expect(try second.waitForExit() == 0)
    }

    @Test func aPipedSessionPrintsEachPromptOnceWithTheLineRead() throws {
        let sandbox = try REPLSandbox()
        let run = try sandbox.pipe([], input: "help quit\nstuddy\n")
        #expect(run.status == 0)
        // The greeting, then each prompt once, followed by the line read.
        #expect(run.output.hasPrefix("recall 0.1.0 · "))
        #expect(
            run.output.hasSuffix(
                """
                Ctrl-D to leave.
                recall> help quit
                OVERVIEW: Leave recall (Ctrl-D does too).

                USAGE: recall quit

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                recall> studdy
                recall> 

                """))
        #expect(
            run.errors
                == "error: unknown command \"studdy\" (did you mean \"study\"?)\nusage: recall [--decks <dir> ...] [--store <path>] <subcommand>\n"
        )
    }
}

/// The main prompt with decks loaded.
@Suite struct ShellWithDecksTests {
    @Test func listsDecksAndCompletesTheirIds() throws {
        let sandbox = try REPLSandbox()
        try sandbox.write(REPLFixtures.sampleDeck, to: "decks/sample.json")
        let terminal = try sandbox.terminal(["--decks", sandbox.path("decks")])
        try terminal.expect("recall> ")
        terminal.sendLine("decks")
        try terminal.expect("\nsample ")
        try terminal.expect(" 5      7    7    0  ")
        terminal.send("study sam\t")
        try terminal.expect("study sample ")
        terminal.send("--tag pe\t")
        try terminal.expect("--tag people ")
        terminal.sendControlC()
        try terminal.expect("^C\nrecall> ")
        terminal.sendEOF()
        #expect(try terminal.waitForExit() == 0)
    }
}
