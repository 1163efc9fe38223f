import Foundation

/// Where the progress store lives: `--store PATH`, else `$RECALL_STORE`, else the default
/// (the caller's, in the XDG data folder).
public enum StoreLocation {
    /// The environment variable that names the store when `--store` is not given.
    public static let environmentVariable = "RECALL_STORE"

    /// The store's path for the given `--store` option and environment.
    ///
    /// In order: `option`; `$RECALL_STORE`; `defaultPath` (recall's is
    /// `$XDG_DATA_HOME/recall/progress.sqlite`). Empty values count as unset, and a leading
    /// `~/` is expanded against `HOME` (the shell does not do it inside variables).
    public static func resolve(
        option: String?, defaultPath: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        if let option = nonEmpty(option) { return expandingTilde(option, home: home) }
        if let variable = nonEmpty(environment[environmentVariable]) { return expandingTilde(variable, home: home) }
        return defaultPath
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func expandingTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        return path
    }
}
