import Foundation

/// A minimal protocol-buffers decoder, enough for the few small messages in Anki packages
/// and collections (`PackageMetadata`, `MediaEntries`, deck, note type and deck-option
/// configs). Written by hand instead of depending on swift-protobuf: it reads varints,
/// 32- and 64-bit fixed values and length-delimited fields, and skips everything else.
struct ProtobufReader {
    /// One field of a message.
    enum Value {
        /// A varint (wire type 0): int32/64, uint32/64, bool, enum.
        case varint(UInt64)
        /// 64-bit fixed (wire type 1): double, fixed64.
        case fixed64(UInt64)
        /// Length-delimited (wire type 2): string, bytes, nested message, packed repeated.
        case bytes(Data)
        /// 32-bit fixed (wire type 5): float, fixed32.
        case fixed32(UInt32)
    }

    /// A message that does not decode.
    struct Malformed: Error {}

    private let data: [UInt8]
    private var position = 0

    /// A reader over one encoded message.
    init(_ data: Data) {
        self.data = [UInt8](data)
    }

    /// The next field (number and value), or `nil` at the end of the message.
    mutating func next() throws -> (number: Int, value: Value)? {
        guard position < data.count else { return nil }
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 else { throw Malformed() }
        switch key & 7 {
        case 0: return (number, .varint(try varint()))
        case 1:
            guard position + 8 <= data.count else { throw Malformed() }
            var value: UInt64 = 0
            for index in 0..<8 { value |= UInt64(data[position + index]) << (8 * UInt64(index)) }
            position += 8
            return (number, .fixed64(value))
        case 2:
            let length = try varint()
            guard length <= UInt64(data.count - position) else { throw Malformed() }
            let end = position + Int(length)
            let bytes = Data(data[position..<end])
            position = end
            return (number, .bytes(bytes))
        case 5:
            guard position + 4 <= data.count else { throw Malformed() }
            var value: UInt32 = 0
            for index in 0..<4 { value |= UInt32(data[position + index]) << (8 * UInt32(index)) }
            position += 4
            return (number, .fixed32(value))
        default:
            throw Malformed()
        }
    }

    /// Every field of `data`, in order.
    static func fields(of data: Data) throws -> [(number: Int, value: Value)] {
        var reader = ProtobufReader(data)
        var fields: [(number: Int, value: Value)] = []
        while let field = try reader.next() { fields.append(field) }
        return fields
    }

    /// The floats of a repeated float field: packed (one length-delimited value) or not.
    static func floats(_ value: Value) -> [Double] {
        switch value {
        case .fixed32(let bits): return [Double(Float(bitPattern: bits))]
        case .bytes(let data):
            let bytes = [UInt8](data)
            return stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { offset in
                var bits: UInt32 = 0
                for index in 0..<4 { bits |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
                return Double(Float(bitPattern: bits))
            }
        default: return []
        }
    }

    /// Reads one varint.
    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < data.count {
            let byte = data[position]
            position += 1
            guard shift < 64 else { throw Malformed() }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw Malformed()
    }
}

extension ProtobufReader.Value {
    /// The value as an integer (varints and fixed values), or `nil`.
    var integer: Int64? {
        switch self {
        case .varint(let value), .fixed64(let value): Int64(bitPattern: value)
        case .fixed32(let value): Int64(value)
        case .bytes: nil
        }
    }

    /// The value as a float (32-bit fixed), or `nil`.
    var float: Double? {
        if case .fixed32(let bits) = self { return Double(Float(bitPattern: bits)) }
        return nil
    }

    /// The value as UTF-8 text or bytes, or `nil`.
    var data: Data? {
        if case .bytes(let data) = self { return data }
        return nil
    }

    /// The value as UTF-8 text, or `nil`.
    var string: String? {
        data.flatMap { String(data: $0, encoding: .utf8) }
    }
}
