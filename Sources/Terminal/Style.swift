import Foundation

/// Bold and colour as ANSI escape sequences, or plain text when they are off.
///
/// They are on only when standard output is a terminal, `NO_COLOR` is unset or empty
/// (https://no-color.org) and `TERM` is not `dumb`. `NO_COLOR` always wins.
public struct Style: Sendable, Hashable {
    /// Whether escape sequences are written.
    public var isEnabled: Bool

    /// A style that is on or off regardless of the environment.
    public init(enabled: Bool) {
        isEnabled = enabled
    }

    /// The style for this process's standard output and environment.
    public static func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        outputIsTerminal: Bool = Terminal.isTerminal(1)
    ) -> Style {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return Style(enabled: false) }
        if environment["TERM"] == "dumb" { return Style(enabled: false) }
        return Style(enabled: outputIsTerminal)
    }

    /// Plain text, never styled.
    public static let plain = Style(enabled: false)

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dim (faint) text.
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Struck-through text: what was typed and should not have been.
    public func struck(_ text: String) -> String { wrap(text, "9") }
    /// Green text: right answers.
    public func green(_ text: String) -> String { wrap(text, "32") }
    /// Red text: wrong answers.
    public func red(_ text: String) -> String { wrap(text, "31") }
    /// Yellow text: what differed, warnings.
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    /// Cyan text: labels and keys.
    public func cyan(_ text: String) -> String { wrap(text, "36") }
}
