/// Somewhere bytes are appended: a `[UInt8]`, or the replay writer's flat output buffer.
public protocol ByteSink {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends two bytes.
    mutating func append(_ first: UInt8, _ second: UInt8)
}

extension Array: ByteSink where Element == UInt8 {
    /// Appends two bytes.
    @inlinable
    public mutating func append(_ first: UInt8, _ second: UInt8) {
        append(first)
        append(second)
    }
}

extension ByteSink {
    /// Appends `value` (0 to 99) as two digits.
    @inlinable
    public mutating func appendTwoDigits(_ value: Int) {
        append(UInt8(truncatingIfNeeded: 48 + value / 10), UInt8(truncatingIfNeeded: 48 + value % 10))
    }

    /// Appends the bytes of an ASCII string.
    @inlinable
    public mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { append(byte) } }
    }

    /// Appends a decimal integer (negative numbers with a minus sign).
    @inlinable
    public mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(0x2D) }
        appendDecimal(magnitude: value.magnitude)
    }

    /// Appends a non-negative decimal integer, two digits at a time.
    @inlinable
    mutating func appendDecimal(magnitude value: UInt) {
        if value < 10 {
            append(UInt8(truncatingIfNeeded: 48 + value))
        } else if value < 100 {
            appendTwoDigits(Int(value))
        } else {
            appendDecimal(magnitude: value / 100)
            appendTwoDigits(Int(value % 100))
        }
    }
}
