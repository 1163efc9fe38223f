/// Numbers distinct card ids (byte strings in a buffer) 0, 1, 2… in order of first appearance:
/// an open-addressing hash table over byte ranges, faster than hashing `String`s.
struct CardIDTable {
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 10)
    private var keys: [Range<Int>] = []
    private var hashes: [UInt64] = []

    /// How many distinct ids there are.
    var count: Int { keys.count }

    /// The number of the id at `range` in `bytes`, adding it if it is new.
    mutating func index(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
        }
        hash ^= hash >> 29
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            let key = keys[Int(entry)]
            if hashes[Int(entry)] == hash, key.count == range.count,
               memoryEqual(bytes, key.lowerBound, range.lowerBound, range.count) {
                return Int(entry)
            }
            slot = (slot + 1) & mask
        }
        let number = keys.count
        keys.append(range)
        hashes.append(hash)
        slots[slot] = Int32(number)
        if keys.count * 2 > slots.count { grow() }
        return number
    }

    private func memoryEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ count: Int) -> Bool {
        for offset in 0..<count where bytes[a + offset] != bytes[b + offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
