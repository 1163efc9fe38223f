/// Where the REPL writes its output: standard output, or a buffer in tests.
public protocol TextOutput: AnyObject {
    /// Writes `text` as is (no newline is added).
    func write(_ text: String)
}

extension TextOutput {
    /// Writes `text` followed by a newline.
    public func line(_ text: String = "") {
        write(text + "\n")
    }
}
