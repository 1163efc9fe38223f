import Foundation

/// The file the prompt's history is kept in across runs (its path comes from the caller:
/// recall's is `$XDG_STATE_HOME/recall/history`).
public enum HistoryFile {
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
