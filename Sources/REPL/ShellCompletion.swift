/// What tab completes at the main prompt: commands, deck ids, tags, options, help topics.
public struct ShellCompletion: Sendable, Hashable {
    /// The deck ids to offer.
    public var deckIDs: [String]
    /// The tags to offer after `--tag`.
    public var tags: [String]

    /// Creates a completer for these decks and tags.
    public init(deckIDs: [String], tags: [String]) {
        self.deckIDs = deckIDs
        self.tags = tags
    }

    /// The candidates for `word`, given the line before it.
    public func candidates(linePrefix: String, word: String) -> [String] {
        let before = (try? Tokenizer.split(linePrefix)) ?? linePrefix.split(separator: " ").map(String.init)
        let all: [String]
        if let first = before.first {
            guard let command = CommandName(rawValue: first.lowercased()) else { return [] }
            all = candidates(for: command, previous: before.count > 1 ? before.last : nil, word: word)
        } else {
            all = CommandName.allCases.map(\.rawValue)
        }
        return all.filter { $0.hasPrefix(word) }
    }

    private func candidates(for command: CommandName, previous: String?, word: String) -> [String] {
        switch previous {
        case "--tag": return tags
        case "--scheduler": return ["fsrs", "sm2"]
        case "--count", "--retention", "--new-per-day": return []
        default: break
        }
        if word.hasPrefix("-") { return command.options }
        switch command {
        case .study, .quiz, .stats, .settings: return deckIDs
        case .help: return CommandName.listed.map(\.rawValue)
        case .decks, .quit, .exit: return []
        }
    }
}
