import Foundation

/// Reads a journal's complete lines from a byte offset on, in chunks (a journal of millions of
/// lines is never held whole). A last line without its newline, which a file-sync tool
/// leaves mid-transfer, is not read: the next sync reads it once it is complete.
struct JournalReader {
    /// Bytes read at a time.
    static let chunkSize = 4 << 20

    /// The file.
    let path: String

    /// Calls `body` with each complete line after `offset` (1-based line numbers continuing
    /// from `line`, the bytes without the newline or a trailing carriage return). Blank lines
    /// are skipped. `progress` is given the file offset reached after each chunk.
    ///
    /// - Returns: the offset and line number after the last complete line.
    func forEachLine(
        from offset: Int64, line: Int, progress: (Int64) -> Void = { _ in },
        _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> (offset: Int64, line: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DeviceSyncError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var carried = 0  // bytes of an unfinished line kept at the start of the buffer
        var position = offset  // file offset of buffer[0]
        var lineNumber = line
        while true {
            if carried == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(descriptor, base + carried, raw.count - carried, off_t(position) + off_t(carried))
            }
            guard count >= 0 else {
                throw DeviceSyncError.cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            let filled = carried + count
            let consumed = try buffer.withUnsafeBufferPointer { all -> Int in
                guard let base = all.baseAddress else { return 0 }
                var start = 0
                // Each newline found with memchr (vectorised), not byte by byte.
                while start < filled, let found = memchr(base + start, 0x0A, filled - start) {
                    let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    lineNumber += 1
                    var end = index
                    if end > start, all[end - 1] == 0x0D { end -= 1 }
                    if end > start {
                        try body(lineNumber, UnsafeBufferPointer(rebasing: all[start..<end]))
                    }
                    start = index + 1
                }
                return start
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    memmove(base, base + consumed, filled - consumed)
                }
            }
            position += Int64(consumed)
            carried = filled - consumed
            progress(position)
        }
        return (position, lineNumber)
    }
}
