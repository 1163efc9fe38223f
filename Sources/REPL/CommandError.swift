/// A mistake in a command typed at the main prompt (or given on the command line).
public enum CommandError: Error, Hashable, CustomStringConvertible {
    /// The first word is not a command.
    case unknownCommand(String, suggestion: String?)
    /// An option the command does not take.
    case unknownOption(command: String, option: String, suggestion: String?)
    /// An option given without its value.
    case missingValue(command: String, option: String)
    /// An option's value is not acceptable; `expected` says what is.
    case invalidValue(command: String, option: String, value: String, expected: String)
    /// More words than the command takes.
    case unexpectedArgument(command: String, argument: String)
    /// A deck id no deck has.
    case unknownDeck(String, suggestion: String?)
    /// A tag no deck or card has.
    case unknownTag(String, suggestion: String?)
    /// A quote left open.
    case syntax(TokenizerError)

    public var description: String {
        switch self {
        case .unknownCommand(let word, let suggestion):
            if let suggestion { return "unknown command \"\(word)\" (did you mean \"\(suggestion)\"?)" }
            return "unknown command \"\(word)\" (type \"help\" to see the commands)"
        case .unknownOption(let command, let option, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "\(command): unknown option \"\(option)\"\(hint)"
        case .missingValue(let command, let option):
            return "\(command): \(option) needs a value"
        case .invalidValue(let command, let option, let value, let expected):
            return "\(command): \(option) must be \(expected), not \"\(value)\""
        case .unexpectedArgument(let command, let argument):
            return "\(command): unexpected argument \"\(argument)\" (see \"help \(command)\")"
        case .unknownDeck(let deck, let suggestion):
            if let suggestion { return "no deck \"\(deck)\" (did you mean \"\(suggestion)\"?)" }
            return "no deck \"\(deck)\" (type \"decks\" to list them)"
        case .unknownTag(let tag, let suggestion):
            if let suggestion { return "no card is tagged \"\(tag)\" (did you mean \"\(suggestion)\"?)" }
            return "no card is tagged \"\(tag)\""
        case .syntax(let error):
            return error.description
        }
    }
}
