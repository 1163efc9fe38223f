/// A `TextOutput` that keeps everything written, for tests and for measuring.
public final class CapturedOutput: TextOutput {
    /// Everything written so far.
    public private(set) var text = ""
    /// Never set: writing to memory does not fail.
    public let failure: OutputFailure? = nil

    /// Creates an empty buffer.
    public init() {}

    public func write(_ text: String) {
        self.text += text
    }

    /// Returns what was written and empties the buffer.
    public func take() -> String {
        defer { text = "" }
        return text
    }
}
