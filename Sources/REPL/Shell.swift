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

    /// Creates a shell over `console` for `workspace`.
    public init(console: Console, workspace: Workspace) {
        self.console = console
        self.workspace = workspace
    }

    /// Runs the main loop; returns the exit status (0).
    public func run() -> Int32 {
        console.tell(greeting())
        let completion = library.completion
        let complete: CompletionProvider = { prefix, word in completion.candidates(linePrefix: prefix, word: word) }
        while true {
            console.reader.completion = complete
            switch console.reader.readLine(prompt: Self.prompt, remember: true) {
            case .endOfInput:
                return 0
            case .interrupted:
                continue
            case .line(let line):
                do {
                    guard let command = try ShellCommand.parse(line) else { continue }
                    if command == .quit { return 0 }
                    _ = perform(command)
                } catch {
                    console.fail(error.description)
                }
            }
        }
    }

    /// Runs one command; returns its exit status (0 ok, 1 failed, 2 usage).
    @discardableResult
    public func perform(_ command: ShellCommand) -> Int32 {
        switch command {
        case .help(let topic): return help(topic)
        case .quit: return 0
        case .decks, .study, .quiz, .stats, .settings: break
        }
        do {
            try workspace.ready()
        } catch {
            console.fail("\(error)")
            return 1
        }
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
