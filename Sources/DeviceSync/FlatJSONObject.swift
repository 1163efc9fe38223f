/// A JSON object of one level, as journal lines are: string, integer and null values, and
/// nested objects kept as their raw text. Parsed straight from bytes, for speed.
struct FlatJSONObject {
    /// A value in the object.
    enum Value: Equatable {
        case string(String)
        case integer(Int64)
        case null
        /// A nested object, as its exact text.
        case object(String)
    }

    /// The fields, in the order of the line (a repeated key keeps its last value).
    private(set) var fields: [(key: String, value: Value)] = []

    /// The value of `key`, if present.
    subscript(key: String) -> Value? {
        fields.last { $0.key == key }?.value
    }

    /// Parses `bytes` (one line, without its newline).
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(JournalLineError) {
        var parser = Parser(bytes: bytes)
        fields = try parser.object()
    }

    /// A cursor over the bytes.
    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
                index += 1
            }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(JournalLineError) {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { throw .malformed("expected \(what)") }
            index += 1
        }

        mutating func object() throws(JournalLineError) -> [(key: String, value: Value)] {
            try expect(0x7B, "a JSON object")
            var fields: [(key: String, value: Value)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == 0x7D {
                index += 1
            } else {
                while true {
                    skipSpace()
                    let key = try string()
                    try expect(0x3A, "':'")
                    fields.append((key, try value()))
                    skipSpace()
                    guard index < bytes.count else { throw .malformed("unterminated object") }
                    if bytes[index] == 0x2C {
                        index += 1
                        continue
                    }
                    if bytes[index] == 0x7D {
                        index += 1
                        break
                    }
                    throw .malformed("expected ',' or '}'")
                }
            }
            skipSpace()
            guard index == bytes.count else { throw .malformed("text after the object") }
            return fields
        }

        mutating func value() throws(JournalLineError) -> Value {
            skipSpace()
            guard index < bytes.count else { throw .malformed("missing value") }
            switch bytes[index] {
            case 0x22: return .string(try string())
            case 0x6E:
                guard index + 4 <= bytes.count, bytes[index + 1] == 0x75, bytes[index + 2] == 0x6C,
                    bytes[index + 3] == 0x6C
                else { throw .malformed("invalid value") }
                index += 4
                return .null
            case 0x7B: return .object(try rawObject())
            case 0x2D, 0x30...0x39: return .integer(try integer())
            default: throw .malformed("invalid value")
            }
        }

        mutating func integer() throws(JournalLineError) -> Int64 {
            var negative = false
            if bytes[index] == 0x2D {
                negative = true
                index += 1
            }
            var value: Int64 = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
                guard !overflow1, !overflow2 else { throw .malformed("number out of range") }
                value = sum
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw .malformed("invalid number") }
            if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x65 || bytes[index] == 0x45 {
                throw .malformed("expected a whole number")
            }
            return negative ? -value : value
        }

        /// A nested object's exact text (strings inside may hold braces).
        mutating func rawObject() throws(JournalLineError) -> String {
            let start = index
            var depth = 0
            var inString = false
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if byte == 0x5C { index += 1 } else if byte == 0x22 { inString = false }
                } else if byte == 0x22 {
                    inString = true
                } else if byte == 0x7B || byte == 0x5B {
                    depth += 1
                } else if byte == 0x7D || byte == 0x5D {
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    }
                }
                index += 1
            }
            throw .malformed("unterminated object")
        }

        mutating func string() throws(JournalLineError) -> String {
            guard index < bytes.count, bytes[index] == 0x22 else { throw .malformed("expected a string") }
            index += 1
            let start = index
            var escaped = false
            while index < bytes.count, bytes[index] != 0x22 {
                if bytes[index] == 0x5C {
                    escaped = true
                    index += 1
                }
                guard index < bytes.count, bytes[index] >= 0x20 else { throw .malformed("invalid string") }
                index += 1
            }
            guard index < bytes.count else { throw .malformed("unterminated string") }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            guard let text = String(validating: raw, as: UTF8.self) else { throw .malformed("invalid UTF-8") }
            return escaped ? try Self.unescape(text) : text
        }

        static func unescape(_ text: String) throws(JournalLineError) -> String {
            var result = String.UnicodeScalarView()
            var scalars = text.unicodeScalars.makeIterator()
            var pendingHigh: UInt32?
            while let scalar = scalars.next() {
                guard scalar == "\\" else {
                    guard pendingHigh == nil else { throw .malformed("invalid escape") }
                    result.append(scalar)
                    continue
                }
                guard let kind = scalars.next() else { throw .malformed("invalid escape") }
                if kind != "u", pendingHigh != nil { throw .malformed("invalid escape") }
                switch kind {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "/": result.append("/")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u":
                    var code: UInt32 = 0
                    for _ in 0..<4 {
                        guard let digit = scalars.next(), digit.isASCII, digit != "+", digit != "-",
                            let value = UInt32(String(digit), radix: 16)
                        else { throw .malformed("invalid escape") }
                        code = code * 16 + value
                    }
                    if let high = pendingHigh {
                        guard (0xDC00...0xDFFF).contains(code),
                            let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                        else { throw .malformed("invalid escape") }
                        result.append(combined)
                        pendingHigh = nil
                    } else if (0xD800...0xDBFF).contains(code) {
                        pendingHigh = code
                    } else {
                        guard let decoded = Unicode.Scalar(code) else { throw .malformed("invalid escape") }
                        result.append(decoded)
                    }
                default: throw .malformed("invalid escape")
                }
            }
            guard pendingHigh == nil else { throw .malformed("invalid escape") }
            return String(result)
        }
    }
}
