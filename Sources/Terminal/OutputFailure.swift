import Foundation

/// Why output could not be written: the `errno` of the failed write.
public struct OutputFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `errno` value, such as `EPIPE` or `ENOSPC`.
    public let code: Int32

    /// Creates a failure from an `errno` value.
    public init(code: Int32) {
        self.code = code
    }

    /// Whether the reader went away (`EPIPE`): the output is no longer wanted, which is
    /// not worth a message (`recall log | head -1`).
    public var isBrokenPipe: Bool { code == EPIPE }

    /// "cannot write output: No space left on device".
    public var description: String {
        "cannot write output: \(String(cString: strerror(code)))"
    }
}
