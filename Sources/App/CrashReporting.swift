import Foundation

/// Keeps a crash from ever landing the user in Swift's interactive crash reporter.
///
/// On Linux the Swift runtime catches crashes (and SIGQUIT) and, when the terminal is
/// interactive, prints a backtrace and then waits 30 seconds for "space to interact". It
/// reads its settings from `SWIFT_BACKTRACE` once, when the runtime is loaded, before any
/// of recall's code runs: setting the variable in `main` is too late. So recall, when the
/// variable does not already say `interactive=`, sets `interactive=no` (keeping the user's
/// other settings) and executes itself again; the runtime of that process reads it. The
/// backtrace itself is still printed, so a crash can be reported.
public enum CrashReporting {
    /// The runtime's settings variable.
    static let variable = "SWIFT_BACKTRACE"

    /// The settings to run with: `current` plus `interactive=no`, or `nil` when `current`
    /// already chooses (the user's choice wins, and this stops the re-execution).
    static func settings(current: String?) -> String? {
        guard let current, !current.isEmpty else { return "interactive=no" }
        if current.split(separator: ",").contains(where: { $0.hasPrefix("interactive=") }) { return nil }
        return current + ",interactive=no"
    }

    /// Makes crash reports non-interactive: re-executes the program with `SWIFT_BACKTRACE`
    /// set, unless it is set already. Call it first thing in `main`. When re-executing fails,
    /// the program carries on as it is.
    public static func makeNonInteractive() {
        #if os(Linux)
            let current = getenv(variable).map { String(cString: $0) }
            guard let value = settings(current: current) else { return }
            setenv(variable, value, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when exec failed: carry on with the runtime's settings.
        #endif
    }
}
