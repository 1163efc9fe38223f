import ArgumentParser
import Foundation

/// What Tab completes at the prompt, read from the command definitions themselves: command
/// names, subcommand names, option names, the values of options with a fixed list, and deck
/// ids, tags and command names for arguments whose value name says so (`CompletionValue`).
/// A new command in `CommandRegistry` completes without any code here.
public struct CommandCompletion: Sendable {
    /// A command as ArgumentParser describes it (`--experimental-dump-help`'s JSON), the
    /// parts completion needs.
    struct CommandInfo: Decodable, Sendable {
        var commandName: String
        var aliases: [String]?
        var shouldDisplay: Bool?
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?
    }

    /// An argument, option or flag of a command.
    struct ArgumentInfo: Decodable, Sendable {
        struct Name: Decodable, Sendable {
            var kind: String
            var name: String
        }
        struct Kind: Decodable, Sendable {
            struct List: Decodable, Sendable {
                var values: [String]
            }
            var list: List?
        }
        var kind: String
        var shouldDisplay: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var completionKind: Kind?

        /// `--tag`, `-h`: how the option is typed.
        var spellings: [String] {
            (names ?? []).map { $0.kind == "short" ? "-" + $0.name : "--" + $0.name }
        }
    }

    /// The dump's top level.
    private struct ToolInfo: Decodable {
        var command: CommandInfo
    }

    /// The deck ids to offer.
    public var deckIDs: [String]
    /// The tags to offer.
    public var tags: [String]
    /// The commands, as the registry defines them (read on the first Tab, not at start-up).
    var root: CommandInfo? { Self.definitions }

    /// Creates a completer for `library`'s decks and tags.
    public init(library: Library) {
        self.init(deckIDs: library.deckIDs, tags: library.tags)
    }

    /// Creates a completer for these decks and tags.
    public init(deckIDs: [String], tags: [String]) {
        self.deckIDs = deckIDs
        self.tags = tags
    }

    /// Every command's definition, read once, when first needed.
    static let definitions: CommandInfo? = try? JSONDecoder().decode(
        ToolInfo.self, from: Data(Recall._dumpHelp().utf8)
    ).command

    /// The candidates for `word`, given the line before it.
    public func candidates(linePrefix: String, word: String) -> [String] {
        guard let root else { return [] }
        let before = (try? ShellWords.split(linePrefix)) ?? linePrefix.split(separator: " ").map(String.init)
        var command = root
        var rest = before[...]
        // The command and subcommand names typed so far.
        while let name = rest.first,
            let sub = Self.visible(command.subcommands).first(where: { $0.names.contains(name) })
        {
            command = sub
            rest = rest.dropFirst()
        }
        let arguments = command.arguments ?? []
        let all: [String]
        if let previous = rest.last,
            let option = arguments.first(where: { $0.kind == "option" && $0.spellings.contains(previous) })
        {
            all = values(for: option)
        } else if word.hasPrefix("-") {
            all = arguments.filter { $0.kind != "positional" && $0.shouldDisplay }.flatMap(\.spellings).filter {
                $0.hasPrefix("--")
            }
        } else if command.subcommands?.isEmpty == false, rest.isEmpty {
            all = Self.visible(command.subcommands).flatMap(\.names)
        } else {
            all = positional(of: arguments, after: rest).map(values(for:)) ?? []
        }
        return all.filter { $0.hasPrefix(word) }
    }

    /// The positional argument the next word fills: the first not given yet, or the last
    /// when it repeats.
    private func positional(of arguments: [ArgumentInfo], after words: ArraySlice<String>) -> ArgumentInfo? {
        let positionals = arguments.filter { $0.kind == "positional" }
        var given = 0
        var skipValue = false
        for word in words {
            if skipValue {
                skipValue = false
            } else if word.hasPrefix("-") {
                skipValue =
                    !word.contains("=") && arguments.contains { $0.kind == "option" && $0.spellings.contains(word) }
            } else {
                given += 1
            }
        }
        if given < positionals.count { return positionals[given] }
        return positionals.last.flatMap { $0.isRepeating ? $0 : nil }
    }

    /// What an argument's value may be.
    private func values(for argument: ArgumentInfo) -> [String] {
        if let list = argument.completionKind?.list { return list.values }
        switch argument.valueName {
        case CompletionValue.deck: return deckIDs
        case CompletionValue.tag: return tags
        case CompletionValue.command: return Self.visible(root?.subcommands).flatMap(\.names)
        default: return []
        }
    }

    /// The commands shown to users (hidden ones, like `debug`, left out).
    private static func visible(_ commands: [CommandInfo]?) -> [CommandInfo] {
        (commands ?? []).filter { $0.shouldDisplay ?? true }
    }
}

extension CommandCompletion.CommandInfo {
    /// The command's name, then its aliases.
    var names: [String] { [commandName] + (aliases ?? []) }
}
