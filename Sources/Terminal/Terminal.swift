import CReadline

/// Namespace for terminal output and input helpers.
public enum Terminal {
    /// The version of the GNU readline library recall is linked against, e.g. "8.2".
    public static var readlineVersion: String {
        guard let version = recall_rl_library_version() else { return "unknown" }
        return String(cString: version)
    }
}
