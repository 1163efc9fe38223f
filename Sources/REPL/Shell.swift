import Terminal

/// The main prompt: reads commands and runs them until `quit`, `exit` or Ctrl-D.
public final class Shell {
    /// The prompt of the main loop.
    public static let prompt = "recall> "

    /// Input, output and style.
    public let console: Console
    /// The decks.
    public let library: Library

    /// Creates a shell over `console` for the decks of `library`.
    public init(console: Console, library: Library) {
        self.console = console
        self.library = library
    }

    /// Runs the main loop; returns the exit status (0).
    public func run() -> Int32 {
        console.say("recall \(REPL.version): type \"help\" for the commands, \"study\" to start, Ctrl-D to leave.")
        while true {
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
        case .decks: return listDecks()
        case .study, .quiz, .stats, .settings:
            console.fail("not available yet: the decks and the progress store are still being built")
            return 1
        }
    }

    /// `decks`: the decks with their titles and sizes.
    func listDecks() -> Int32 {
        guard !library.decks.isEmpty else {
            console.say("No decks found. Put deck files in ~/.local/share/recall/decks or pass --decks DIR.")
            return 0
        }
        let idWidth = library.decks.map { DisplayWidth.of(Sanitizer.clean($0.id)) }.max() ?? 0
        for deck in library.decks {
            let id = Sanitizer.clean(deck.id, keepNewlines: false)
            let padding = String(repeating: " ", count: max(0, idWidth - DisplayWidth.of(id)))
            let cards = deck.studyItems.count
            let lead = "  " + console.style.bold(id) + padding + "  "
            let text = Sanitizer.clean(deck.title, keepNewlines: false) + " (\(cards) card\(cards == 1 ? "" : "s"))"
            console.say(console.wrapper.wrap(text, indent: String(repeating: " ", count: idWidth + 4), firstIndent: lead))
        }
        return 0
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
