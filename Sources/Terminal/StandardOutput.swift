import Foundation

/// Writes straight to a file descriptor (standard output by default), unbuffered, so output
/// interleaves correctly with readline's and nothing is lost if the program is killed.
///
/// A write that fails (a full disk, a closed pipe) is remembered in `failure` and every
/// later write is dropped, so the command can end with the right message and status
/// instead of crashing or claiming success.
public final class StandardOutput: TextOutput {
    /// The file descriptor written to.
    public let fd: Int32
    /// The first write that failed, if any.
    public private(set) var failure: OutputFailure?

    /// Creates a writer to `fd`: 1 for standard output, 2 for standard error.
    public init(fd: Int32 = 1) {
        self.fd = fd
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    /// Writes `bytes` as they are (the replay's and the log's large buffers).
    public func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        if let code = Self.write(bytes, to: fd) { failure = OutputFailure(code: code) }
    }

    /// Writes `text` to `fd` (standard output by default), ignoring failures (for echoes
    /// such as readline's `^C`).
    public static func write(_ text: String, to fd: Int32 = 1) {
        var text = text
        _ = text.withUTF8 { write($0, to: fd) }
    }

    /// Writes all of `bytes` to `fd`, retrying after interruptions; returns the `errno` of
    /// a write that failed, or `nil` when everything was written.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, base + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written < 0 { return errno }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }
}
