/// The commands of the main prompt, with their synopsis and help.
public enum CommandName: String, Sendable, Hashable, CaseIterable {
    /// `decks`: list the decks.
    case decks
    /// `study`: a spaced-repetition session.
    case study
    /// `quiz`: a practice quiz.
    case quiz
    /// `stats`: how study is going.
    case stats
    /// `settings`: view or change scheduling settings.
    case settings
    /// `help`: the commands and what they do.
    case help
    /// `quit`: leave recall.
    case quit
    /// `exit`: the same as quit.
    case exit

    /// How the command is written, e.g. `study [DECK...] [--tag T]`.
    public var synopsis: String {
        switch self {
        case .decks: "decks"
        case .study: "study [DECK...] [--tag T]"
        case .quiz: "quiz [DECK...] [--count N] [--tag T]"
        case .stats: "stats [DECK]"
        case .settings: "settings [DECK] [OPTIONS]"
        case .help: "help [COMMAND]"
        case .quit: "quit"
        case .exit: "exit"
        }
    }

    /// One line on what it does.
    public var summary: String {
        switch self {
        case .decks: "List the decks, with how many cards are new and due."
        case .study: "Study what is due (all decks, or the ones named), with spaced repetition."
        case .quiz: "Take a practice quiz of N questions (10 by default); it does not change the schedule."
        case .stats: "Show how your study is going."
        case .settings: "View or change the scheduler, desired retention and new cards per day."
        case .help: "Show the commands, or the details of one."
        case .quit: "Leave recall (Ctrl-D does too)."
        case .exit: "Leave recall (Ctrl-D does too)."
        }
    }

    /// The options the command takes, for completion and suggestions.
    public var options: [String] {
        switch self {
        case .study: ["--tag"]
        case .quiz: ["--count", "--tag"]
        case .settings: ["--scheduler", "--retention", "--new-per-day"]
        default: []
        }
    }

    /// The commands shown by `help` (`exit` is an alias of `quit`).
    public static var listed: [CommandName] { allCases.filter { $0 != .exit } }
}
