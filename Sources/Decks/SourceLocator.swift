/// Turns byte offsets into 1-based line and column numbers (columns in Unicode characters).
///
/// The table of line starts is built on first use, so a file without problems never pays
/// for it.
struct SourceLocator {
    private let bytes: [UInt8]
    private var lineStarts: [Int]?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The line and column of the byte at `offset`.
    mutating func location(of offset: Int) -> (line: Int, column: Int) {
        let starts = lineStarts ?? makeLineStarts()
        lineStarts = starts
        // The last line start <= offset.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var position = starts[low]
        let end = min(offset, bytes.count)
        while position < end {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return (low + 1, column)
    }

    /// The line and column of one offset, scanning only the bytes before it (for a single
    /// lookup near the start of a large file).
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private func makeLineStarts() -> [Int] {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        return starts
    }
}
