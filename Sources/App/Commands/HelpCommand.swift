import ArgumentParser

/// `help [COMMAND]`: the same text as `recall COMMAND --help` (and `recall --help`
/// without a command), at the prompt and as `recall help COMMAND`.
struct HelpCommand: RecallCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show the commands, or the details of one (the same as COMMAND --help)."
    )

    @Argument(
        help: ArgumentHelp("The command to explain (default: every command).", valueName: CompletionValue.command))
    var topic: [String] = []

    func run(in context: CommandContext) throws {
        let (command, rest) = CommandRegistry.commandPath(for: topic)
        if let unknown = rest.first {
            throw UsageError.unknownCommand((topic.dropLast(rest.count) + [unknown]).joined(separator: " "))
        }
        context.console.output.line(Recall.helpMessage(for: command))
    }
}
