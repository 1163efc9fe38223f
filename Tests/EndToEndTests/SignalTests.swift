import Foundation
import Testing

/// F13 (issue 16): Ctrl-\ (SIGQUIT) at a prompt printed the Swift runtime's crash report and
/// waited 30 s for "space to interact". It now does what Ctrl-C does, and no crash ever
/// waits in the interactive crash reporter.
@Suite struct SignalTests {
    /// Text the Swift runtime's crash reporter prints.
    static let crashReport = ["Crash", "Backtrace", "press space", "Press space", "interact"]

    @Test func ctrlBackslashAtThePromptIsLikeCtrlC() throws {
        let sandbox = try REPLSandbox()
        let terminal = try sandbox.terminal()
        try terminal.expect("recall> ")
        terminal.send("studdy")
        try terminal.expect("studdy")
        terminal.send("\u{1C}")  // Ctrl-\
        try terminal.expect("^C\nrecall> ")
        terminal.sendLine("help quit")
        try terminal.expect("help quit\nOVERVIEW: Leave recall (Ctrl-D does too).\n")
        try terminal.expect("recall> ")
        terminal.sendLine("quit")
        #expect(try terminal.waitForExit() == 0)
        for text in Self.crashReport { #expect(!terminal.transcript.contains(text), "\(text)") }
    }

    @Test func ctrlBackslashInASessionEndsItLikeCtrlC() throws {
        let sandbox = try REPLSandbox()
        try sandbox.write(REPLFixtures.sampleDeck, to: "decks/sample.json")
        let terminal = try sandbox.terminal([
            "--decks", sandbox.path("decks"), "--store", sandbox.path("progress.sqlite"),
        ])
        try terminal.expect("recall> ")
        terminal.sendLine("study sample")
        try terminal.expect("(Enter shows the answer) > ")
        terminal.send("\u{1C}")
        try terminal.expect("^C\n\nSession ended (Ctrl-C). Every answer is saved.\nNo cards studied")
        try terminal.expect("recall> ")
        terminal.sendEOF()
        #expect(try terminal.waitForExit() == 0)
        for text in Self.crashReport { #expect(!terminal.transcript.contains(text), "\(text)") }
    }

    /// A crash report (here for a SIGSEGV sent from outside, after which the runtime lets
    /// the program go on) is printed to the terminal and then does not wait for a key.
    @Test(arguments: [false, true])
    func aCrashNeverWaitsInTheInteractiveCrashReporter(userAskedForIt: Bool) throws {
        let sandbox = try REPLSandbox()
        // The user's own SWIFT_BACKTRACE wins: with interactive=yes the reporter waits.
        let terminal = try sandbox.terminal(environment: userAskedForIt ? ["SWIFT_BACKTRACE": "interactive=yes"] : [:])
        defer { kill(terminal.pid, SIGKILL) }
        try terminal.expect("recall> ")
        kill(terminal.pid, SIGSEGV)
        try terminal.expect("Backtrace took")
        if userAskedForIt {
            // The reporter waits for a key (however long a busy machine takes to say so).
            try terminal.expect("to interact", timeout: 60)
        } else {
            // The reporter never offers to interact (a signal sent with kill(2) is not a fault,
            // so the process may carry on afterwards: only the prompt's absence counts).
            let rest = terminal.unmatchedOutput(settle: 2)
            #expect(!rest.contains("to interact"), "\(rest)")
        }
    }
}
