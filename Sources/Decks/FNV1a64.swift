/// The 64-bit FNV-1a hash: simple, fast, and the same on every run and platform (unlike
/// `Hasher`, which is seeded per process).
public struct FNV1a64: Sendable {
    /// The hash of everything fed so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Starts a hash.
    public init() {}

    /// Feeds bytes.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    /// Feeds a string's UTF-8 bytes, then a separator byte (0x1F) that cannot occur in
    /// deck text, so that ("ab", "c") and ("a", "bc") hash differently.
    public mutating func combine(field: String) {
        combine(field.utf8)
        combine(CollectionOfOne(0x1F))
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hexDigest: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
