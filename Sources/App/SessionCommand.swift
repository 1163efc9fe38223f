import Foundation
import Terminal

/// A command typed instead of an answer during a session: `:hint`, `:skip`, `:bury`,
/// `:suspend`, `:undo`, `:quit` (and `:help`).
public enum SessionCommand: String, Sendable, Hashable, CaseIterable {
    /// Show the card's hint.
    case hint
    /// Put the card aside until later in the session.
    case skip
    /// Hide the card until tomorrow.
    case bury
    /// Hide the card until it is unsuspended.
    case suspend
    /// Take back the previous answer.
    case undo
    /// End the session.
    case quit
    /// List these commands.
    case help

    /// What it does, for `:help`.
    public var summary: String {
        switch self {
        case .hint: "show a hint"
        case .skip: "put the card aside; it comes back later in the session"
        case .bury: "hide the card until tomorrow"
        case .suspend: "hide the card until you unsuspend it"
        case .undo: "take back the previous answer (repeatable)"
        case .quit: "end the session (Ctrl-C does too); every answer is already saved"
        case .help: "list these commands"
        }
    }

    /// Tab at an answer prompt: the session commands, once a ":" is typed.
    public static let completion: CompletionProvider = { _, word in
        word.hasPrefix(":") ? (listed + [.help]).map { ":" + $0.rawValue } : []
    }

    /// The commands a session accepts, in the order shown.
    public static let listed: [SessionCommand] = [.hint, .skip, .bury, .suspend, .undo, .quit]

    /// The command typed, `nil` when `input` is not a command (does not start with ":"),
    /// or an error naming the nearest command.
    public static func parse(_ input: String) -> Result<SessionCommand, SessionCommandError>? {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":"), trimmed.count > 1 else { return nil }
        let word = String(trimmed.dropFirst()).lowercased()
        if let command = SessionCommand(rawValue: word) { return .success(command) }
        if word == "q" { return .success(.quit) }
        if word == "h" || word == "?" { return .success(.help) }
        let suggestion = Suggestion.nearest(to: word, among: allCases.map(\.rawValue))
        return .failure(SessionCommandError(typed: trimmed, suggestion: suggestion.map { ":" + $0 }))
    }
}
