import Foundation

/// Where the main prompt's history is kept across runs.
public enum HistoryFile {
    /// `$XDG_STATE_HOME/recall/history`, or `~/.local/state/recall/history` when
    /// `XDG_STATE_HOME` is unset or not an absolute path (as the XDG spec says).
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/recall/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/recall/history"
    }

    /// Creates the file (mode 0600) and its folder if they do not exist; returns whether it now exists.
    @discardableResult
    public static func create(at path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return false
        }
        if files.fileExists(atPath: path) { return true }
        return files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
    }
}
