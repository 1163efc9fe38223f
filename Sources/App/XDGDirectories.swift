import Foundation

/// The XDG base directories, resolved once: where recall keeps its data (your decks, the
/// progress store), its state (the prompt's history) and its configuration.
///
/// Each is `$XDG_DATA_HOME`, `$XDG_STATE_HOME`, `$XDG_CONFIG_HOME` when set to an absolute
/// path (the XDG spec says a relative one is invalid and must be ignored), else
/// `~/.local/share`, `~/.local/state`, `~/.config`, with `~` from `$HOME` (or the
/// password database when `HOME` is unset or empty).
public struct XDGDirectories: Sendable, Hashable {
    /// The data directory (`~/.local/share` by default).
    public var dataHome: String
    /// The state directory (`~/.local/state` by default).
    public var stateHome: String
    /// The configuration directory (`~/.config` by default).
    public var configHome: String

    /// Resolves the directories from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func resolve(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return (home as NSString).appendingPathComponent(fallback)
        }
        dataHome = resolve("XDG_DATA_HOME", ".local/share")
        stateHome = resolve("XDG_STATE_HOME", ".local/state")
        configHome = resolve("XDG_CONFIG_HOME", ".config")
    }

    /// Your decks: `DATA/recall/decks`.
    public var userDecks: String { (dataHome as NSString).appendingPathComponent("recall/decks") }
    /// The default progress store: `DATA/recall/progress.sqlite`.
    public var defaultStore: String { (dataHome as NSString).appendingPathComponent("recall/progress.sqlite") }
    /// The prompt's history: `STATE/recall/history`.
    public var history: String { (stateHome as NSString).appendingPathComponent("recall/history") }
    /// The log of the syncs the prompt starts when it quits: `STATE/recall/sync.log`.
    public var syncLog: String { (stateHome as NSString).appendingPathComponent("recall/sync.log") }
    /// recall's configuration folder: `CONFIG/recall`.
    public var config: String { (configHome as NSString).appendingPathComponent("recall") }
}
