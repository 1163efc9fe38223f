import Foundation
import Terminal

/// The progress bar of a long fit, on the error stream: drawn only when that is a terminal
/// and the fit has taken more than a second, redrawn when the percentage changes, and
/// erased at the end.
final class FitProgressBar {
    private let errors: TextOutput
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private let delay: UInt64
    private var shownPercent = -1

    /// A bar on `errors`, drawn when `enabled` (a terminal) once `delay` seconds have passed.
    init(errors: TextOutput, enabled: Bool, delay: Double = 1) {
        self.errors = errors
        self.enabled = enabled
        self.delay = UInt64(delay * 1e9)
    }

    /// Records that `done` of `total` steps are done.
    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0, DispatchTime.now().uptimeNanoseconds - start >= delay else { return }
        let percent = min(100, done * 100 / total)
        guard percent != shownPercent else { return }
        shownPercent = percent
        let width = 30
        let filled = percent * width / 100
        errors.write(
            "\rfitting [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                + "] \(percent)%")
    }

    /// Erases the bar, if it was drawn.
    func finish() {
        if shownPercent >= 0 { errors.write("\r\u{1B}[K") }
        shownPercent = -1
    }
}
