import Progress

/// A review event's line exactly as `JournalFormat.line` writes it, scanned in place: the
/// merge's fast path for the millions of lines of a large journal.
///
/// It recognises only the canonical form (fields in their order, no spaces, ASCII strings
/// without escapes) with valid values; for any other line it gives `nil`, and the caller
/// parses the line with `JournalFormat.event`, which accepts every form and reports errors.
/// So whatever it accepts, `JournalFormat.event` reads as the same review.
struct ReviewLine {
    /// The device id's bytes (a range of the line).
    var device: Range<Int>
    /// The sequence number.
    var sequence: Int64
    /// The deck id's bytes.
    var deck: Range<Int>
    /// The item key's bytes.
    var item: Range<Int>
    /// When it was answered (Unix milliseconds).
    var time: Int64
    /// Study or practice.
    var kind: ReviewKind
    /// 1 to 4.
    var rating: Int
    /// Milliseconds, when measured.
    var duration: Int?

    /// Scans `bytes` (one line, without its newline), or gives nil when it is not a review in
    /// the canonical form with valid values.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = Scanner(bytes: bytes)
        guard scanner.literal(#"{"device":""#), let device = scanner.string(), !device.isEmpty, device.count <= 64,
            Self.isDeviceID(bytes, device),
            scanner.literal(#","seq":"#), let sequence = scanner.integer(), sequence >= 1, sequence < 1 << 40,
            scanner.literal(#","type":"review","deck":""#), let deck = scanner.string(), !deck.isEmpty,
            scanner.literal(#","item":""#), let item = scanner.string(), !item.isEmpty,
            scanner.literal(#","time":"#), let time = scanner.integer(),
            scanner.literal(#","kind":""#)
        else { return nil }
        if scanner.literal(#"study""#) {
            kind = .study
        } else if scanner.literal(#"practice""#) {
            kind = .practice
        } else {
            return nil
        }
        guard scanner.literal(#","rating":"#), let rating = scanner.integer(), (1...4).contains(rating),
            scanner.literal(#","duration":"#)
        else { return nil }
        if scanner.literal("null") {
            duration = nil
        } else {
            guard let value = scanner.integer(), value >= 0, value <= Int64(Int32.max) else { return nil }
            duration = Int(value)
        }
        guard scanner.literal("}"), scanner.index == bytes.count else { return nil }
        self.device = device
        self.sequence = sequence
        self.deck = deck
        self.item = item
        self.time = time
        self.rating = Int(rating)
    }

    /// Whether the bytes are a device id: letters, digits, `-` or `_` (see `JournalEventID.isValidDevice`).
    private static func isDeviceID(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range {
            let byte = bytes[index]
            let valid =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
            if !valid { return false }
        }
        return true
    }

    /// A cursor over the line.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// Skips `text` when the line continues with it.
        mutating func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            let start = text.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
            index += count
            return true
        }

        /// The bytes of a string's contents up to its closing quote (which it skips): printable
        /// ASCII without escapes, or nil.
        mutating func string() -> Range<Int>? {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    index += 1
                    return start..<(index - 1)
                }
                guard byte >= 0x20, byte < 0x7F, byte != 0x5C else { return nil }
                index += 1
            }
            return nil
        }

        /// A whole number of up to 18 digits, optionally negative, or nil.
        mutating func integer() -> Int64? {
            var negative = false
            if index < bytes.count, bytes[index] == 0x2D {
                negative = true
                index += 1
            }
            var value: Int64 = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value &* 10 &+ Int64(bytes[index] &- 0x30)
                digits += 1
                index += 1
            }
            guard digits > 0, digits <= 18 else { return nil }
            return negative ? -value : value
        }
    }
}
