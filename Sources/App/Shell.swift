import Terminal

/// The prompt: reads lines and runs each as a command, parsed by the same command types
/// as `recall X`, until `quit`, `exit` or Ctrl-D.
public final class Shell {
    /// The prompt of the main loop.
    public static let prompt = "recall> "

    /// The decks, the store and the console every command at the prompt shares.
    public let context: CommandContext
    /// The sync with other machines started with the prompt, when a sync folder is set.
    private var deviceSync: BackgroundDeviceSync?
    /// Input, output and style.
    public var console: Console { context.console }

    /// Creates a shell over `context`.
    public init(context: CommandContext) {
        self.context = context
    }

    /// Runs the main loop; returns the exit status: 0, or 1 when the store turns out to be
    /// unusable (damaged, say), which ends the loop with the store's error.
    public func run() -> Int32 {
        var workspace: Workspace
        do {
            workspace = try context.openWorkspace()
            console.tell(try greeting(workspace))
            // The sync handed to a process of its own when the prompt last quit: say once if it went wrong.
            let syncLog = SyncLog(path: context.xdg.syncLog)
            if let header = syncLog.untoldProblem() {
                console.tell(syncLog.warning(for: header))
                syncLog.markTold()
            }
            if let folder = try workspace.store.syncFolder() {
                deviceSync = BackgroundDeviceSync(workspace: workspace, folder: folder)
            }
        } catch {
            console.error("\(error)")
            return 1
        }
        var completion = CommandCompletion(library: workspace.library)
        var complete: CompletionProvider = { [completion] prefix, word in
            completion.candidates(linePrefix: prefix, word: word)
        }
        while true {
            // The store is checked in the background: stop as soon as it is known to be bad.
            if workspace.failureSoFar != nil { return storeFailed(workspace) }
            for line in deviceSync?.takeAnnouncement() ?? [] { console.tell(line) }
            console.reader.completion = complete
            switch console.reader.readLine(prompt: Self.prompt, remember: true) {
            case .endOfInput:
                return leave(workspace)
            case .interrupted:
                continue
            case .line(let line):
                let status = perform(line)
                // A command that wrote decks (`import`) reopened the workspace with them.
                if let current = context.currentWorkspace, current !== workspace {
                    workspace = current
                    completion = CommandCompletion(library: workspace.library)
                    complete = { [completion] prefix, word in completion.candidates(linePrefix: prefix, word: word) }
                }
                if context.quitRequested { return leave(workspace) }
                // A store found unusable while the command ran: its error was printed.
                if status == 1, workspace.failureSoFar != nil { return 1 }
                // Standard output is gone: nothing more can be shown.
                if let failure = console.output.failure {
                    return failure.isBrokenPipe ? CommandRunner.brokenPipeStatus : 1
                }
            }
        }
    }

    /// Runs one line typed at the prompt; returns its exit status (0 ok, 1 failed, 2 usage).
    @discardableResult
    public func perform(_ line: String) -> Int32 {
        let words: [String]
        do {
            words = try ShellWords.split(line)
        } catch {
            CommandRunner.report(
                UsageError(error.description), usage: CommandRunner.usage(for: Recall.self), to: console)
            return 2
        }
        return CommandRunner.run(words, in: context, atPrompt: true)
    }

    /// The first line: the version, what there is to study today, and how to start.
    ///
    /// - Throws: the store's error when today's queue cannot be read.
    func greeting(_ workspace: Workspace) throws -> String {
        var text = "recall \(Recall.version)"
        let decks = workspace.library.decks
        if decks.isEmpty {
            text += ": \(context.noDecksMessage)."
        } else {
            let queue = try workspace.store.queue(deckIDs: decks.map(\.id), now: workspace.clock())
            text +=
                " · \(StudyScreen.count(decks.count, "deck")) · today: \(queue.new.count) new · "
                + "\(queue.learning.count) learning · \(queue.review.count) review."
        }
        return text + " Type \"study\" to start, \"help\" for the commands, Ctrl-D to leave."
    }

    /// Leaves the loop: 0, unless the store's background check (still running after a
    /// quick quit) finds it unusable.
    private func leave(_ workspace: Workspace) -> Int32 {
        guard (try? workspace.ready()) != nil else { return storeFailed(workspace) }
        if let folder = deviceSync?.folder {
            BackgroundDeviceSync.detach(
                storePath: workspace.store.path, folder: folder, deckDirectories: context.deckDirectories,
                logPath: context.xdg.syncLog)
        }
        return 0
    }

    /// Reports why the store cannot be used and returns the exit status 1.
    private func storeFailed(_ workspace: Workspace) -> Int32 {
        do {
            try workspace.ready()
            console.error("the progress store cannot be used")
        } catch {
            console.error("\(error)")
        }
        return 1
    }
}
