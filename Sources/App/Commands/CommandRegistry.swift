import ArgumentParser

/// Every command of recall, in the order `help` lists them.
///
/// This list is the only registration: each type here is a subcommand (`recall X`), a
/// command at the prompt (`X`), a topic of `help`, and a source of Tab completion.
public enum CommandRegistry {
    /// The commands.
    public static let commands: [any RecallCommand.Type] = [
        StudyCommand.self,
        QuizCommand.self,
        DecksCommand.self,
        CardsCommand.self,
        StatsCommand.self,
        SettingsCommand.self,
        SyncCommand.self,
        CheckCommand.self,
        DraftCommand.self,
        LogCommand.self,
        OptimizeCommand.self,
        ReplayCommand.self,
        ImportCommand.self,
        ExportCommand.self,
        HelpCommand.self,
        QuitCommand.self,
        DebugCommand.self,
    ]

    /// The command called `name` (or one of its aliases), if any.
    static func command(named name: String) -> (any ParsableCommand.Type)? {
        commands.first { $0._commandName == name || $0.configuration.aliases.contains(name) }
    }

    /// The names a user may type: every command's name and aliases, hidden ones left out.
    static var visibleNames: [String] {
        commands.filter { $0.configuration.shouldDisplay }.flatMap { [$0._commandName] + $0.configuration.aliases }
    }

    /// The command type a line of words names: the subcommand path it starts with
    /// (`debug record-answer` names `DebugCommand.RecordAnswer`), else `Recall` itself.
    static func commandType(for words: [String]) -> any ParsableCommand.Type {
        commandPath(for: words).command
    }

    /// The command type the leading words name, and the words left after its name.
    static func commandPath(for words: [String]) -> (command: any ParsableCommand.Type, rest: ArraySlice<String>) {
        var current: any ParsableCommand.Type = Recall.self
        var rest = words[...]
        while let word = rest.first,
            let next = current.configuration.subcommands.first(where: {
                $0._commandName == word || $0.configuration.aliases.contains(word)
            })
        {
            current = next
            rest = rest.dropFirst()
        }
        return (current, rest)
    }
}
