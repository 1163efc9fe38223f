/// A problem in a review history file, with the line it is on.
public struct ReviewHistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name as the user gave it.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an error at `file:line`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `history.csv:17: error: rating "5" is not 1 to 4`.
    public var description: String {
        "\(file):\(line): error: \(message)"
    }
}
