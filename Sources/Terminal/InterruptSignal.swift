import CReadline

/// Ctrl-C as a flag: SIGINT no longer kills recall, it makes the next read return `.interrupted`.
/// Ctrl-\\ (SIGQUIT) does the same, rather than ending in the Swift runtime's crash report.
///
/// The signal handler and its flag are C functions in `shim.h`; they are `static inline`, so
/// each object file that calls them gets its own copy of the flag. That is why this file
/// is the only one that calls them: everything else goes through these two functions.
public enum InterruptSignal {
    /// Installs the SIGINT and SIGQUIT handler (without SA_RESTART, so blocking reads return EINTR),
    /// and the SIGCONT one that notes a return from Ctrl-Z.
    public static func install() {
        _ = recall_install_sigint_handler()
        _ = recall_install_sigcont_handler()
    }

    /// Whether the program was stopped (Ctrl-Z) and continued since the last call; clears the flag.
    public static func takeContinued() -> Bool {
        recall_take_continued() != 0
    }

    /// Whether Ctrl-C was pressed and not yet taken; leaves the flag as it is.
    public static func isPending() -> Bool {
        recall_interrupt_pending() != 0
    }

    /// Whether Ctrl-C was pressed since the last call; clears the flag.
    public static func take() -> Bool {
        recall_take_interrupt() != 0
    }
}
