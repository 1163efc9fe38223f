import ArgumentParser
import Decks
import Foundation
import Progress
import Terminal

/// What a command runs with: the console, the decks and the progress store, each found
/// or opened on first use.
///
/// A subcommand (`recall stats`) gets a context made from its own `--decks` and `--store`
/// options; at the prompt every command shares the REPL's context, so the decks are loaded
/// and the store opened once.
public final class CommandContext {
    /// Input, output, errors, style and wrapping.
    public let console: Console
    /// The `--decks` directories, searched after the bundled and the user's decks.
    public let deckDirectories: [String]
    /// The `--store` path given, if any.
    public let storeOption: String?
    /// The clock (the real one, except in tests).
    public let clock: () -> Date
    /// Where your decks, the store and the history are by default.
    public let xdg: XDGDirectories
    /// Set by `quit` at the prompt: the REPL ends after the command.
    var quitRequested = false
    private var loadedCatalog: DeckCatalog?
    private var openedWorkspace: Workspace?

    /// Creates a context that finds decks in the standard directories plus
    /// `deckDirectories` and the store at `storeOption` (else its default place).
    public init(
        console: Console, deckDirectories: [String] = [], storeOption: String? = nil,
        clock: @escaping () -> Date = Date.init, xdg: XDGDirectories = XDGDirectories()
    ) {
        self.console = console
        self.xdg = xdg
        self.deckDirectories = deckDirectories
        self.storeOption = storeOption
        self.clock = clock
    }

    /// Creates a context over an open workspace (its decks and its store).
    public init(console: Console, workspace: Workspace) {
        self.console = console
        deckDirectories = []
        storeOption = nil
        clock = workspace.clock
        xdg = XDGDirectories()
        openedWorkspace = workspace
    }

    /// The context of a subcommand: the standard console, its `--decks` and `--store`.
    static func standard(for command: some ParsableCommand) -> CommandContext {
        CommandContext(
            console: .standard(), deckDirectories: (command as? ReadsDecks)?.deckOptions.directories ?? [],
            storeOption: (command as? UsesStore)?.storeOptions.path)
    }

    /// The context a command typed at the prompt runs in: this one, unless the command
    /// names more deck directories or another store (then a fresh one with them).
    func scoped(to command: some ParsableCommand) -> CommandContext {
        let directories = (command as? ReadsDecks)?.deckOptions.directories ?? []
        let store = (command as? UsesStore)?.storeOptions.path
        guard !directories.isEmpty || (store != nil && store != storeOption) else { return self }
        return CommandContext(
            console: console, deckDirectories: deckDirectories + directories, storeOption: store ?? storeOption,
            clock: clock, xdg: xdg)
    }

    /// The directories decks are looked for in.
    public var searchDirectories: DeckDirectories {
        DeckDirectories.standard(user: xdg.userDecks, extra: deckDirectories)
    }

    /// The store's path: `--store`, else `$RECALL_STORE`, else the XDG data folder.
    public var storePath: String {
        StoreLocation.resolve(option: storeOption, defaultPath: xdg.defaultStore)
    }

    /// Every deck found, loaded once; the first time, the problems of broken decks are
    /// printed on the error stream (a broken deck is left out, the others load).
    public var catalog: DeckCatalog {
        if let loadedCatalog { return loadedCatalog }
        let catalog = DeckCatalog.discover(searchDirectories)
        for problem in catalog.problems { console.errors.line(Sanitizer.clean("\(problem)")) }
        loadedCatalog = catalog
        return catalog
    }

    /// The decks, with lookups by id and tag.
    public var library: Library {
        if let openedWorkspace { return openedWorkspace.library }
        return Library(decks: catalog.decks)
    }

    /// The decks and the store opened for writing (created when missing) and synced with
    /// the decks, waiting for the store's integrity check and the sync.
    public func workspace() throws -> Workspace {
        let workspace = try openWorkspace()
        try workspace.ready()
        return workspace
    }

    /// The workspace, opened on first use without waiting for the store's integrity check
    /// or the sync (the REPL shows its prompt at once; `workspace()` waits).
    func openWorkspace() throws -> Workspace {
        if let openedWorkspace { return openedWorkspace }
        let workspace = try Workspace(library: Library(decks: catalog.decks), storePath: storePath, clock: clock)
        openedWorkspace = workspace
        return workspace
    }

    /// The workspace, if one is open (the prompt's is, from its start).
    var currentWorkspace: Workspace? { openedWorkspace }

    /// Finds the decks again, after a command wrote deck files (`import` at the prompt), so
    /// that they can be used at once: the catalog is discovered anew and an open workspace
    /// is reopened over the same store with the new decks, `syncing` those decks into it.
    func reloadDecks(syncing deckIDs: Set<String>) throws {
        loadedCatalog = nil
        guard let workspace = openedWorkspace else { return }
        try workspace.ready()
        let library = Library(decks: catalog.decks)
        let now = clock()
        for deck in library.decks where deckIDs.contains(deck.id) { _ = try workspace.store.sync(deck, at: now) }
        openedWorkspace = Workspace(library: library, store: workspace.store, clock: workspace.clock)
    }

    /// The store, for commands that only read it; `nil` when there is none yet.
    ///
    /// - Parameter verified: wait for the store's integrity check, so a damaged store is
    ///   refused before anything is read. A command that passes `false` must call
    ///   `verify()` on the store before it prints (the check then runs while it reads).
    public func existingStore(verified: Bool = true) throws -> ProgressStore? {
        if let openedWorkspace {
            try openedWorkspace.ready()
            return openedWorkspace.store
        }
        do {
            let store = try ProgressStore(path: storePath, access: .readOnly)
            if verified { try store.verify() }
            return store
        } catch ProgressError.notFound {
            return nil
        }
    }
}
