import Testing

@testable import Decks

@Suite struct BoundedEditDistanceTests {
    @Test func agreesWithTheFullDistanceWithinTheLimit() {
        // Every pair of short strings over a small alphabet, so swaps and repeats are common.
        var random = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", "c"]
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 0...7, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a"
            }
            let b = (0..<Int.random(in: 0...7, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a"
            }
            let full = EditDistance.distance(a, b)
            for limit in 0...8 {
                let bounded = EditDistance.distance(a, b, limit: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(String(a)) \(String(b)) limit \(limit)")
            }
            #expect(EditDistance.isWithinOneEdit(a, b) == (full <= 1), "\(String(a)) \(String(b))")
        }
    }

    @Test func examples() {
        #expect(EditDistance.distance(Array("kitten"), Array("sitting"), limit: 3) == 3)
        #expect(EditDistance.distance(Array("kitten"), Array("sitting"), limit: 2) == nil)
        #expect(EditDistance.distance(Array("Hialsham"), Array("Hailsham"), limit: 1) == 1)
        #expect(EditDistance.distance(Array(""), Array("abc"), limit: 3) == 3)
        #expect(EditDistance.distance(Array("abc"), Array("abc"), limit: 0) == 0)
        #expect(EditDistance.distance(Array("abc"), Array("abd"), limit: -1) == nil)
        #expect(EditDistance.isWithinOneEdit(Array("Hialsham"), Array("Hailsham")))
        #expect(EditDistance.isWithinOneEdit(Array("Hailsam"), Array("Hailsham")))
        #expect(!EditDistance.isWithinOneEdit(Array("Hielshem"), Array("Hailsham")))
    }

    /// Inputs far too long for the full table (10¹⁰ cells) are answered at once: lengths that
    /// differ by more than the limit are rejected unread, and equal lengths fill only the band.
    @Test func hugeInputsCostOnlyTheBand() {
        let long = Array(repeating: Character("x"), count: 100_000)
        var other = long
        other[50_000] = "y"
        #expect(EditDistance.distance(long, Array("Norfolk"), limit: 2) == nil)
        #expect(EditDistance.distance(long, other, limit: 2) == 1)
        #expect(EditDistance.distance(long, other + ["z"], limit: 1) == nil)
        #expect(EditDistance.isWithinOneEdit(long, other))
        #expect(!EditDistance.isWithinOneEdit(long, other + ["z"]))
    }
}
