/// A `:word` that is not a session command.
public struct SessionCommandError: Error, Hashable, CustomStringConvertible {
    /// What was typed.
    public var typed: String
    /// The nearest command, if one is near.
    public var suggestion: String?

    public var description: String {
        let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
        return "unknown command \"\(typed)\"\(hint); type :help for the session commands"
    }
}
