import ArgumentParser
import Foundation
import Terminal

/// Parses words with the command types and runs the command, printing errors in recall's
/// one format: usage errors as `error: MESSAGE` and a `usage:` line (status 2), failures
/// as `error: MESSAGE` (status 1). The same for `recall X` and for `X` at the prompt.
enum CommandRunner {
    /// What a line of words asks for.
    enum Parsed {
        /// Nothing (an empty line).
        case nothing
        /// A command to run.
        case command(any RecallCommand)
        /// Text to print: help, or the version.
        case text(String)
        /// A usage error: the message, and the usage line of the command it concerns.
        case usageError(message: String, usage: String)
    }

    /// The status of a command whose output could not be written because the reader went
    /// away (a closed pipe): what a shell reports for a process that SIGPIPE ended.
    static let brokenPipeStatus: Int32 = 141

    /// Parses `words`: a subcommand and its arguments (`["study", "plot"]`); at the prompt
    /// the first word must name a command.
    static func parse(_ words: [String], atPrompt: Bool) -> Parsed {
        guard let first = words.first else { return atPrompt ? .nothing : parseRoot(words) }
        if !first.hasPrefix("-") || atPrompt, !["-h", "--help", "--version"].contains(first),
            CommandRegistry.command(named: first) == nil
        {
            return .usageError(message: UsageError.unknownCommand(first).message, usage: usage(for: Recall.self))
        }
        return parseRoot(words)
    }

    private static func parseRoot(_ words: [String]) -> Parsed {
        do {
            var command = try Recall.parseAsRoot(words)
            if let command = command as? any RecallCommand { return .command(command) }
            // ArgumentParser's own help request (`X --help`): running it throws the help.
            try command.run()
            return .text(Recall.helpMessage())
        } catch {
            if Recall.exitCode(for: error) == .success { return .text(Recall.fullMessage(for: error)) }
            return .usageError(
                message: lowercasingFirstLetter(Recall.message(for: error)),
                usage: usage(for: CommandRegistry.commandType(for: words)))
        }
    }

    /// The usage line of `command`: `recall study [<deck> ...] [--tag <tag> ...] ...`.
    static func usage(for command: any ParsableCommand.Type) -> String {
        Recall.usageString(for: command)
    }

    /// Parses and runs `words` with `context`'s console; returns the exit status.
    static func run(_ words: [String], in context: CommandContext, atPrompt: Bool) -> Int32 {
        switch parse(words, atPrompt: atPrompt) {
        case .nothing:
            return 0
        case .text(let text):
            context.console.output.line(text)
            return finish(0, console: context.console)
        case .usageError(let message, let usage):
            report(UsageError(message), usage: usage, to: context.console)
            return 2
        case .command(let command):
            return run(command, in: atPrompt ? context.scoped(to: command) : context)
        }
    }

    /// Runs `command` in `context`, prints its error if it fails, and returns its exit
    /// status: 0 ok, 1 failed, 2 usage error.
    static func run(_ command: some RecallCommand, in context: CommandContext) -> Int32 {
        let status: Int32
        do {
            try command.run(in: context)
            status = 0
        } catch let error as UsageError {
            report(error, usage: usage(for: type(of: command)), to: context.console)
            status = 2
        } catch let error as ExitCode {
            status = error.rawValue
        } catch {
            context.console.error("\(error)")
            status = 1
        }
        return finish(status, console: context.console)
    }

    /// `status`, unless the output could not be written: then `error: cannot write
    /// output: …` and 1, or, when the reader went away, quietly `brokenPipeStatus`.
    static func finish(_ status: Int32, console: Console) -> Int32 {
        guard let failure = console.output.failure else { return status }
        if failure.isBrokenPipe { return brokenPipeStatus }
        console.error(failure.description)
        return 1
    }

    /// Prints a usage error: `error: MESSAGE`, then `usage: …`.
    static func report(_ error: UsageError, usage: String, to console: Console) {
        console.error(error.message)
        console.errors.line("usage: " + usage)
    }

    /// ArgumentParser's "Unknown option '--x'" as "unknown option '--x'", like recall's
    /// own messages (a leading acronym is left alone).
    static func lowercasingFirstLetter(_ message: String) -> String {
        guard let first = message.first, first.isUppercase, message.dropFirst().first?.isLowercase == true else {
            return message
        }
        return first.lowercased() + message.dropFirst()
    }
}
