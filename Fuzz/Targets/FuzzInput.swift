/// Helpers that turn fuzz bytes into the values the targets need.
enum FuzzInput {
    /// The bytes as text (invalid UTF-8 repaired, as recall's readers do).
    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes as text split at NUL bytes: several strings from one input.
    static func texts(_ bytes: UnsafeRawBufferPointer) -> [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `text` is safe to print: no C0 control but the line break, no DEL, no C1
    /// control and no bidirectional control.
    static func isPrintable(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
                || [0x200E, 0x200F].contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
        }
    }
}
