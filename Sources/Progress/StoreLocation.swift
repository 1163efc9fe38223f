import Foundation

/// Where the progress store lives: `--store PATH`, else `$RECALL_STORE`, else the XDG data folder.
public enum StoreLocation {
    /// The environment variable that names the store when `--store` is not given.
    public static let environmentVariable = "RECALL_STORE"

    /// The store's path for the given `--store` option and environment.
    ///
    /// In order: `option`; `$RECALL_STORE`; `$XDG_DATA_HOME/recall/progress.sqlite` when
    /// `XDG_DATA_HOME` is an absolute path (as the XDG spec requires); otherwise
    /// `~/.local/share/recall/progress.sqlite`. Empty values count as unset, and a leading
    /// `~/` is expanded against `HOME` (the shell does not do it inside variables).
    public static func resolve(
        option: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        if let option = nonEmpty(option) { return expandingTilde(option, home: home) }
        if let variable = nonEmpty(environment[environmentVariable]) { return expandingTilde(variable, home: home) }
        let dataHome: String
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return (dataHome as NSString).appendingPathComponent("recall/progress.sqlite")
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
