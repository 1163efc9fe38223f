/// The globally unique id of a journal event: the device that made it and its sequence number there.
public struct JournalEventID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The id of the device (store) that made the event.
    public var device: String
    /// The event's number on that device, from 1, never reused.
    public var sequence: Int64

    /// Names event `sequence` of `device`.
    public init(device: String, sequence: Int64) {
        self.device = device
        self.sequence = sequence
    }

    /// `device:sequence`.
    public var description: String { "\(device):\(sequence)" }

    /// Orders by device id, then sequence (the tie-break of reviews made at the same millisecond).
    public static func < (lhs: JournalEventID, rhs: JournalEventID) -> Bool {
        (lhs.device, lhs.sequence) < (rhs.device, rhs.sequence)
    }

    /// Whether `text` can be a device id: 1 to 64 letters, digits, `-` or `_` (it names a file).
    public static func isValidDevice(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}
