/// A journal line that was skipped, reported as `FILE:LINE: MESSAGE`.
public struct JournalProblem: Sendable, Hashable, CustomStringConvertible {
    /// The journal's path.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong with it.
    public var message: String

    /// Creates a problem report.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: MESSAGE`.
    public var description: String { "\(file):\(line): \(message)" }
}
