/// Splits CSV bytes into records of field ranges (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks), tracking line numbers. Accepts LF and CRLF line ends.
struct CSVReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next record.
    var position = 0
    /// The 1-based line number of the next record.
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the next record's fields (raw ranges, quotes included) into `fields`, and returns
    /// the line it starts on, or `nil` at the end of the input.
    mutating func nextRecord(into fields: inout [Range<Int>]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        return nextRecord { fields.append($0) }
    }

    /// Reads the next record, calling `field` with each field's raw range in order, and
    /// returns the line it starts on, or `nil` at the end of the input.
    @inline(__always)
    mutating func nextRecord(_ field: (Range<Int>) -> Void) -> Int? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var start = position
        var index = position
        var inQuotes = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte > 0x2C {  // Not a quote, comma, CR or LF: most bytes.
                index += 1
                continue
            }
            if inQuotes {
                if byte == 0x22 {
                    inQuotes = false
                } else if byte == 0x0A {
                    line += 1
                }
            } else if byte == 0x22 {
                inQuotes = true
            } else if byte == 0x2C {
                field(start..<index)
                start = index + 1
            } else if byte == 0x0A {
                break
            }
            index += 1
        }
        var end = index
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        field(start..<max(start, end))
        position = index + 1
        line += 1
        return startLine
    }

    /// The range of a field's content: without surrounding spaces, nor surrounding quotes.
    /// (Doubled quotes inside stay doubled: card ids and times do not contain quotes.)
    func unquoted(_ field: Range<Int>) -> Range<Int> {
        Self.unquoted(field, in: bytes)
    }

    /// The range of a field's content in `bytes` (see ``unquoted(_:)``).
    static func unquoted(_ field: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = field.lowerBound
        var upper = field.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        if upper - lower >= 2, bytes[lower] == 0x22, bytes[upper - 1] == 0x22 {
            lower += 1
            upper -= 1
        }
        return lower..<upper
    }
}
