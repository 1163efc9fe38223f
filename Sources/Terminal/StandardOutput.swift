import Foundation

/// Writes straight to a file descriptor (standard output by default), unbuffered, so output
/// interleaves correctly with readline's and nothing is lost if the program is killed.
public final class StandardOutput: TextOutput {
    /// The file descriptor written to.
    public let fd: Int32

    /// Creates a writer to `fd`: 1 for standard output, 2 for standard error.
    public init(fd: Int32 = 1) {
        self.fd = fd
    }

    public func write(_ text: String) {
        Self.write(text, to: fd)
    }

    /// Writes `text` to `fd` (standard output by default).
    public static func write(_ text: String, to fd: Int32 = 1) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
