import Foundation
import Terminal

/// The progress bar of a long task (a fit, a large sync), on the error stream: drawn only when
/// that is a terminal and the task has taken more than a second, redrawn when the label or the
/// percentage changes, and erased at the end.
final class ProgressBar {
    private let errors: TextOutput
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private let delay: UInt64
    private let label: String
    private var shown: (label: String, percent: Int?)?

    /// A bar labelled `label` on `errors`, drawn when `enabled` (a terminal) once `delay`
    /// seconds have passed.
    init(_ label: String, errors: TextOutput, enabled: Bool, delay: Double = 1) {
        self.label = label
        self.errors = errors
        self.enabled = enabled
        self.delay = UInt64(delay * 1e9)
    }

    /// A bar labelled `label` on `console`'s error stream, drawn when that is the process's
    /// standard error and a terminal (and `wanted`).
    convenience init(_ label: String, console: Console, wanted: Bool = true) {
        self.init(
            label, errors: console.errors,
            enabled: wanted && console.errors is StandardOutput && Terminal.isTerminal(2))
    }

    /// Records that `done` of `total` steps are done.
    func update(_ done: Int, of total: Int) {
        update(label, done: Int64(done), of: Int64(total))
    }

    /// Records that `done` of `total` steps of the stage `label` are done; a `total` of 0
    /// shows the label alone (a stage that is not counted).
    func update(_ label: String, done: Int64, of total: Int64) {
        guard enabled, total >= 0, DispatchTime.now().uptimeNanoseconds - start >= delay else { return }
        let percent = total > 0 ? Int(min(100, done * 100 / total)) : nil
        guard shown?.label != label || shown?.percent != percent else { return }
        // A new label may be shorter than the line drawn before: clear the rest of it.
        let clear = shown != nil && shown?.label != label ? "\u{1B}[K" : ""
        shown = (label, percent)
        guard let percent else {
            errors.write("\r" + label + "..." + clear)
            return
        }
        let width = 30
        let filled = percent * width / 100
        errors.write(
            "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                + "] \(percent)%" + clear)
    }

    /// Erases the bar, if it was drawn.
    func finish() {
        if shown != nil { errors.write("\r\u{1B}[K") }
        shown = nil
    }
}
