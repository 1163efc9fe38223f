import CReadline
import Foundation

/// Reads lines with GNU readline: editing keys, history kept in a file, tab completion.
///
/// It uses readline's callback interface and waits for input with `poll`, so Ctrl-C
/// (a SIGINT turned into a flag by `InterruptSignal`) interrupts the wait and comes back as
/// `.interrupted` with the line discarded, instead of killing the program.
public final class ReadlineLineReader: LineReader {
    /// The history file, or `nil` to keep history for this run only.
    public let historyPath: String?
    private var lastRemembered: String?

    /// What Tab completes in the lines read from now on (`nil`: nothing).
    public var completion: CompletionProvider? {
        get { ReadlineState.shared.provider }
        set { ReadlineState.shared.provider = newValue }
    }

    /// Sets readline up: signals, completion and the history read from `historyPath`.
    public init(historyPath: String?, completion: CompletionProvider? = nil) {
        self.historyPath = historyPath
        Self.useUTF8Characters()
        recall_rl_set_readline_name("recall")
        recall_rl_set_catch_signals(0)
        InterruptSignal.install()
        ReadlineState.shared.provider = completion
        recall_rl_set_completion_function(attemptCompletion)
        using_history()
        stifle_history(1000)
        if let historyPath, HistoryFile.create(at: historyPath) {
            _ = read_history(historyPath)
            _ = history_truncate_file(historyPath, 1000)
        }
    }

    public func readLine(prompt: String, remember: Bool) -> LineInput {
        let state = ReadlineState.shared
        state.completedLine = nil
        rl_callback_handler_install(prompt, handleLine)
        while true {
            if InterruptSignal.take() {
                // "^C" and the newline go out before readline restores the terminal, which
                // moves the cursor to the start of the line.
                recall_rl_move_to_end()
                StandardOutput.write("^C\n")
                recall_rl_discard_line()
                rl_callback_handler_remove()
                return .interrupted
            }
            if InterruptSignal.takeContinued() { recall_rl_resume() }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            // Ctrl-C may have come with the input that woke poll: it goes first, or readline
            // would read all the typeahead before the loop looks at the flag again.
            if InterruptSignal.isPending() { continue }
            rl_callback_read_char()
            if let result = state.completedLine {
                state.completedLine = nil
                if case .line(let line) = result, remember { self.remember(line) }
                return result
            }
        }
    }

    /// Makes readline treat input as UTF-8 characters: the user's locale when it is UTF-8,
    /// else C.UTF-8. In the default "C" locale readline would show "é" as `\303\251`.
    private static func useUTF8Characters() {
        func isUTF8() -> Bool {
            guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
            return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        }
        _ = setlocale(LC_CTYPE, "")
        guard !isUTF8() else { return }
        // Readline reads LC_ALL, LC_CTYPE and LANG itself when it starts, so they must say so too.
        let variable = ProcessInfo.processInfo.environment["LC_ALL", default: ""].isEmpty ? "LC_CTYPE" : "LC_ALL"
        if setlocale(LC_CTYPE, "C.UTF-8") != nil { setenv(variable, "C.UTF-8", 1) }
    }

    /// Adds `line` to the history and appends it to the history file.
    private func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, line != lastRemembered else { return }
        lastRemembered = line
        add_history(line)
        if let historyPath { _ = append_history(1, historyPath) }
    }
}

/// Readline's line handler: hands the line over and removes itself, so readline does not
/// show the prompt again on its own.
private func handleLine(_ line: UnsafeMutablePointer<CChar>?) {
    rl_callback_handler_remove()
    guard let line else {
        ReadlineState.shared.completedLine = .endOfInput
        return
    }
    ReadlineState.shared.completedLine = .line(String(cString: line))
    free(line)
}

/// Readline's completion entry point: asks the provider and never falls back to file names.
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    recall_rl_set_attempted_completion_over(1)
    let state = ReadlineState.shared
    guard let provider = state.provider else { return nil }
    let word = text.map { String(cString: $0) } ?? ""
    var linePrefix = ""
    if let buffer = recall_rl_line_buffer() {
        let bytes = UnsafeRawBufferPointer(start: buffer, count: max(0, Int(start)))
        linePrefix = String(decoding: bytes, as: UTF8.self)
    }
    state.beginCompletion(provider(linePrefix, word).filter { $0.hasPrefix(word) })
    return rl_completion_matches(text, nextMatch)
}

/// Readline's match generator: returns the candidates one by one, as malloc'd strings.
private func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let candidate = ReadlineState.shared.nextCandidate() else { return nil }
    return strdup(candidate)
}
