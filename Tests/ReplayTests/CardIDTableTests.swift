import Testing

@testable import Replay

struct CardIDTableTests {
    /// Ids of every length from 1 to 40 bytes, each seen in the middle of the buffer and again
    /// at its very end (where the table cannot read 16 bytes at once), get one number each.
    @Test func idsGetTheSameNumberWhereverTheyAre() {
        for length in 1...40 {
            let id = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            let other = id.dropLast() + "#"
            let text = Array("\(id),\(other),\(id)".utf8)
            text.withUnsafeBufferPointer { bytes in
                var table = CardIDTable()
                let first = table.index(of: 0..<length, in: bytes, time: 1)
                let second = table.index(of: length + 1..<2 * length + 1, in: bytes, time: 1)
                let third = table.index(of: 2 * length + 2..<3 * length + 2, in: bytes, time: 0)
                #expect(first.number == 0 && second.number == 1 && third.number == 0, "length \(length)")
                #expect(third.isEarlier)
                #expect(table.count == 2)
            }
        }
    }

    @Test func manyIdsSurviveTheTableGrowing() {
        let ids = (0..<5_000).map { "card-\($0 * 7_919)" }
        let text = Array(ids.joined(separator: ",").utf8)
        text.withUnsafeBufferPointer { bytes in
            var table = CardIDTable()
            var ranges: [Range<Int>] = []
            var start = 0
            for id in ids {
                ranges.append(start..<start + id.utf8.count)
                start += id.utf8.count + 1
            }
            for (number, range) in ranges.enumerated() {
                #expect(table.index(of: range, in: bytes, time: 0).number == number)
            }
            for (number, range) in ranges.enumerated().reversed() {
                #expect(table.index(of: range, in: bytes, time: 0).number == number)
            }
            #expect(table.count == 5_000)
        }
    }
}
