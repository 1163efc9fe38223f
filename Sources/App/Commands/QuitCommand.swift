import ArgumentParser

/// `quit` (or `exit`): leaves the prompt. As a subcommand it does nothing.
struct QuitCommand: RecallCommand {
    static let configuration = CommandConfiguration(
        commandName: "quit",
        abstract: "Leave recall (Ctrl-D does too).",
        aliases: ["exit"]
    )

    func run(in context: CommandContext) throws {
        context.quitRequested = true
    }
}
