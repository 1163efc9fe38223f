import Terminal

/// The main prompt: reads commands and runs them until `quit`, `exit` or Ctrl-D.
public final class Shell {
    /// The prompt of the main loop.
    public static let prompt = "recall> "

    /// Input, output and style.
    public let console: Console
    /// The decks and the progress store.
    public let workspace: Workspace
    /// The decks.
    public var library: Library { workspace.library }
    /// Whether the store's failure has been reported already.
    private var storeFailureReported = false

    /// Creates a shell over `console` for `workspace`.
    public init(console: Console, workspace: Workspace) {
        self.console = console
        self.workspace = workspace
    }

    /// Runs the main loop; returns the exit status: 0, or 1 when the store turns out to be
    /// unusable (damaged, say), which ends the loop with the store's error.
    public func run() -> Int32 {
        do {
            console.tell(try greeting())
        } catch {
            return storeFailed(error)
        }
        let completion = library.completion
        let complete: CompletionProvider = { prefix, word in completion.candidates(linePrefix: prefix, word: word) }
        while true {
            // The store is checked in the background: stop as soon as it is known to be bad.
            if workspace.failureSoFar != nil { return storeFailed() }
            console.reader.completion = complete
            switch console.reader.readLine(prompt: Self.prompt, remember: true) {
            case .endOfInput:
                return leave()
            case .interrupted:
                continue
            case .line(let line):
                do {
                    guard let command = try ShellCommand.parse(line) else { continue }
                    if command == .quit { return leave() }
                    _ = perform(command)
                } catch {
                    console.fail(error.description)
                }
            }
        }
    }

    /// Leaves the loop: 0, unless the store's background check (still running after a
    /// quick quit) finds it unusable.
    private func leave() -> Int32 {
        (try? workspace.ready()) == nil ? storeFailed() : 0
    }

    /// Reports why the store cannot be used (once, however often it is met) and returns
    /// the exit status 1: the background check's error when it failed (it says why, a
    /// damaged file say), else `error`, the failure that was met.
    private func storeFailed(_ error: (any Error)? = nil) -> Int32 {
        guard !storeFailureReported else { return 1 }
        storeFailureReported = true
        do {
            try workspace.ready()
            console.fail(error.map { "\($0)" } ?? "the progress store cannot be used")
        } catch let checkError {
            console.fail("\(checkError)")
        }
        return 1
    }

    /// Runs one command; returns its exit status (0 ok, 1 failed, 2 usage).
    @discardableResult
    public func perform(_ command: ShellCommand) -> Int32 {
        switch command {
        case .help(let topic): return help(topic)
        case .quit: return 0
        case .decks, .study, .quiz, .stats, .settings: break
        }
        if (try? workspace.ready()) == nil { return storeFailed() }
        switch command {
        case .help, .quit: return 0
        case .decks: return listDecks()
        case .study(let request): return study(request)
        case .quiz(let request): return quiz(request)
        case .stats(let deck): return stats(deck)
        case .settings(let request): return settings(request)
        }
    }

    /// `help [COMMAND]`.
    func help(_ topic: String?) -> Int32 {
        guard let topic else {
            console.say("Commands:")
            let width = CommandName.listed.map(\.synopsis.count).max() ?? 0
            let indent = String(repeating: " ", count: width + 4)
            for name in CommandName.listed {
                let lead = "  " + name.synopsis.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                console.say(console.wrapper.wrap(name.summary, indent: indent, firstIndent: lead))
            }
            console.say("Type \"help COMMAND\" for the details of one.")
            return 0
        }
        guard let name = CommandName(rawValue: topic.lowercased()) else {
            let suggestion = Suggestion.nearest(to: topic, among: CommandName.allCases.map(\.rawValue))
            console.fail(CommandError.unknownCommand(topic, suggestion: suggestion).description)
            return 2
        }
        console.say(console.style.bold(name.synopsis))
        console.say(console.wrapper.wrap(name.details, indent: "  "))
        return 0
    }
}
