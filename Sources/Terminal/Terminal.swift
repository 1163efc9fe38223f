import CReadline
import Foundation

/// Namespace for terminal output and input helpers.
public enum Terminal {
    /// The version of the GNU readline library recall is linked against, e.g. "8.2".
    public static var readlineVersion: String {
        guard let version = recall_rl_library_version() else { return "unknown" }
        return String(cString: version)
    }

    /// Whether the file descriptor `fd` is a terminal (0 is standard input, 1 standard output).
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) != 0
    }

    /// The number of columns to wrap text at: the terminal's width (ioctl TIOCGWINSZ on
    /// standard output), else `$COLUMNS`, else 80.
    public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        let fromTerminal = Int(recall_terminal_columns(1))
        if fromTerminal > 0 { return fromTerminal }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return 80
    }
}
