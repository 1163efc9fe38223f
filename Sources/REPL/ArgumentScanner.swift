/// Walks a command's arguments: positional words and `--option VALUE` / `--option=VALUE`.
struct ArgumentScanner {
    /// One argument.
    enum Word: Hashable {
        /// A word that is not an option.
        case positional(String)
        /// A known option with its value.
        case option(String, String)
    }

    let command: CommandName
    private var remaining: ArraySlice<String>

    init(command: CommandName, arguments: [String]) {
        self.command = command
        remaining = arguments[...]
    }

    /// The next argument, or `nil` at the end; options must be known and have a value.
    mutating func next() throws(CommandError) -> Word? {
        guard let word = remaining.popFirst() else { return nil }
        guard word.hasPrefix("-"), word.count > 1 else { return .positional(word) }
        var name = word
        var value: String?
        if let equals = word.firstIndex(of: "=") {
            name = String(word[..<equals])
            value = String(word[word.index(after: equals)...])
        }
        guard command.options.contains(name) else {
            let suggestion = Suggestion.nearest(to: name, among: command.options)
            throw .unknownOption(command: command.rawValue, option: name, suggestion: suggestion)
        }
        if value == nil { value = remaining.popFirst() }
        guard let value else { throw .missingValue(command: command.rawValue, option: name) }
        return .option(name, value)
    }

    /// The next argument if it is positional (it must be), or `nil` at the end.
    mutating func optionalPositional() throws(CommandError) -> String? {
        guard let word = try next() else { return nil }
        guard case .positional(let text) = word else { throw unknown(word) }
        return text
    }

    /// Fails if any argument is left.
    mutating func finish() throws(CommandError) {
        if let word = try next() { throw unknown(word) }
    }

    /// The error for an argument the command does not take here.
    func unknown(_ word: Word) -> CommandError {
        switch word {
        case .positional(let text): .unexpectedArgument(command: command.rawValue, argument: text)
        case .option(let name, _): .unexpectedArgument(command: command.rawValue, argument: name)
        }
    }
}
