/// Numbers distinct card ids (byte strings in a buffer) 0, 1, 2… in order of first appearance.
///
/// An open-addressing hash table whose slots hold ids of up to 16 bytes inline (numeric ids
/// are 13 digits), so a lookup touches one slot instead of chasing the id back into the file.
struct CardIDTable {
    /// One slot: the id's first 16 bytes, its length and hash, its number (−1 when empty), and
    /// the time of its latest review so far. Also the key of an id being looked up.
    struct Slot {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var latest: Int64 = 0
        var hash: UInt32 = 0
        var length: Int32 = 0
        var number: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1 << 10)
    /// Where each id is in the buffer, by number (to compare ids longer than 16 bytes).
    private var ranges: [Range<Int>] = []

    /// How many distinct ids there are.
    var count: Int { ranges.count }

    /// The number of the id at `range` in `bytes`, adding it if it is new, and whether `time`
    /// is earlier than the latest time given for the id before (which it then keeps).
    mutating func index(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, time: Int64) -> (
        number: Int, isEarlier: Bool
    ) {
        index(of: Self.key(of: range, in: bytes, time: time), range: range, in: bytes)
    }

    /// The key of the id at `range`: its first 16 bytes, length and hash, and `time`.
    static func key(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, time: Int64) -> Slot {
        let length = range.count
        var key = Slot(latest: time, length: Int32(length))
        if length <= 16, range.lowerBound + 16 <= bytes.count, let base = bytes.baseAddress {
            // Two 8-byte loads (little-endian, so byte i lands in bits 8i as in the loop below),
            // with the bytes past the id masked off.
            let raw = UnsafeRawPointer(base + range.lowerBound)
            let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            key.head = length >= 8 ? first : first & ((1 << UInt64(8 * length)) &- 1)
            key.tail = length >= 16 ? second : length <= 8 ? 0 : second & ((1 << UInt64(8 * (length - 8))) &- 1)
        } else {
            var shift: UInt64 = 0
            for index in range.prefix(16) {
                let byte = UInt64(bytes[index])
                if shift < 64 { key.head |= byte << shift } else { key.tail |= byte << (shift - 64) }
                shift += 8
            }
        }
        var hash = (key.head &* 0x9E37_79B9_7F4A_7C15) ^ (key.tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        for index in range.dropFirst(16) {  // FNV-1a over the rest of a long id.
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
        }
        // MurmurHash3's finaliser: ids that differ in their last digits spread over all slots.
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        key.hash = UInt32(truncatingIfNeeded: hash ^ (hash >> 33))
        return key
    }

    /// Reads the slot where the lookup of `key` starts, so that it is in the cache when the
    /// lookup comes (returns a byte of it, to be kept so the read is not optimised away).
    func touch(_ key: Slot) -> UInt8 {
        slots.withUnsafeBytes { raw in
            raw.load(fromByteOffset: (Int(key.hash) & (slots.count - 1)) * MemoryLayout<Slot>.stride, as: UInt8.self)
        }
    }

    /// The number of the id of `key` (at `range` in `bytes`), adding it if it is new, and
    /// whether the key's time is earlier than the latest time of the id before.
    mutating func index(of key: Slot, range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (
        number: Int, isEarlier: Bool
    ) {
        var key = key
        let time = key.latest
        let mask = slots.count - 1
        var position = Int(key.hash) & mask
        while true {
            let slot = slots[position]
            if slot.number < 0 { break }
            if slot.hash == key.hash, slot.length == key.length, slot.head == key.head, slot.tail == key.tail,
                key.length <= 16 || equal(bytes, ranges[Int(slot.number)], range)
            {
                let isEarlier = time < slot.latest
                if !isEarlier { slots[position].latest = time }
                return (Int(slot.number), isEarlier)
            }
            position = (position + 1) & mask
        }
        key.number = Int32(ranges.count)
        slots[position] = key
        ranges.append(range)
        if ranges.count * 4 > slots.count * 3 { grow() }  // at most 3/4 full
        return (Int(key.number), false)
    }

    private func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { bytes[$0] == bytes[$1] }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.number >= 0 {
            var position = Int(slot.hash) & mask
            while slots[position].number >= 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }
}
