/// How a study session or quiz ended.
public enum SessionEnding: Sendable, Hashable {
    /// Every card was studied (or every question answered).
    case finished
    /// The user typed `:quit`.
    case quit
    /// The user pressed Ctrl-C.
    case interrupted
    /// The input ended (Ctrl-D, or the end of a pipe).
    case endOfInput
    /// An answer could not be saved; the message says why.
    case failed(String)

    /// The line shown before the summary.
    public var message: String? {
        switch self {
        case .finished: nil
        case .quit: "Session ended. Every answer is saved."
        case .interrupted: "Session ended (Ctrl-C). Every answer is saved."
        case .endOfInput: "Session ended (end of input). Every answer is saved."
        case .failed(let reason): reason
        }
    }
}
