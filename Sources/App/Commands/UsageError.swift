/// A mistake in what was asked (an unknown deck, a bad option value): printed as
/// `error: MESSAGE` followed by the command's `usage:` line, exit status 2.
public struct UsageError: Error, Hashable, CustomStringConvertible {
    /// What is wrong, and what would be right.
    public let message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// `unknown command "studdy" (did you mean "study"?)`.
    static func unknownCommand(_ word: String) -> UsageError {
        if let suggestion = Suggestion.nearest(to: word, among: CommandRegistry.visibleNames) {
            return UsageError("unknown command \"\(word)\" (did you mean \"\(suggestion)\"?)")
        }
        return UsageError("unknown command \"\(word)\" (type \"help\" to see the commands)")
    }

    /// `no deck "sampel" (did you mean "sample"?)`.
    static func unknownDeck(_ id: String, among ids: [String]) -> UsageError {
        if let suggestion = Suggestion.nearest(to: id, among: ids) {
            return UsageError("no deck \"\(id)\" (did you mean \"\(suggestion)\"?)")
        }
        return UsageError("no deck \"\(id)\" (type \"decks\" to list them)")
    }

    /// `no card is tagged "peopel" (did you mean "people"?)`.
    static func unknownTag(_ tag: String, among tags: [String]) -> UsageError {
        if let suggestion = Suggestion.nearest(to: tag, among: tags) {
            return UsageError("no card is tagged \"\(tag)\" (did you mean \"\(suggestion)\"?)")
        }
        return UsageError("no card is tagged \"\(tag)\"")
    }
}
