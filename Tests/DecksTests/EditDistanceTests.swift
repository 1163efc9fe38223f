import Testing

@testable import Decks

@Test func editDistanceCountsSwapsAsOneEdit() {
    #expect(EditDistance.distance("titel", "title") == 1)
    #expect(EditDistance.distance("anwser", "answer") == 1)
    #expect(EditDistance.distance("Front", "front") == 0)
    #expect(EditDistance.distance("", "abc") == 3)
    #expect(EditDistance.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(EditDistance.distance(Array("ab"), Array("ba")) == 1)
    #expect(EditDistance.distance(Array("Hialsham"), Array("Hailsham")) == 1)
}

@Test func suggestionsOnlyForLikelyTypos() {
    let fields = ["front", "back", "reverse", "id", "type"]
    #expect(EditDistance.suggestion(for: "fornt", among: fields) == "front")
    #expect(EditDistance.suggestion(for: "bak", among: fields) == "back")
    #expect(EditDistance.suggestion(for: "colour", among: fields) == nil)
    #expect(EditDistance.suggestion(for: "x", among: fields) == nil)
    #expect(EditDistance.suggestion(for: "ID", among: fields) == "id")
}

/// The textbook optimal string alignment distance, to check the banded one against.
private func referenceDistance(_ a: [Character], _ b: [Character]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}

@Test func boundedDistanceAgreesWithTheTextbookOneOnRandomText() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abc")
    for _ in 0..<3000 {
        let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        let expected = referenceDistance(a, b)
        #expect(EditDistance.distance(a, b) == expected, "\(String(a)) / \(String(b))")
        for limit in 0...4 {
            let bounded = EditDistance.distance(a, b, limit: limit)
            #expect(bounded == (expected <= limit ? expected : nil), "\(String(a)) / \(String(b)) limit \(limit)")
        }
    }
}

// F1 (issue 16): `check` took 13 s on a choice card with 60 000-character choices, because
// "did you mean" compared them in full. Unbounded, each comparison below is 3.6 billion cells.
@Test func boundedDistanceOnLongTextStopsEarly() {
    let long = String(repeating: "never let me go ", count: 3750)  // 60 000 characters
    let other = String(repeating: "let me go never ", count: 3750)
    #expect(long.count == 60_000)
    // Lengths that differ by more than the limit are not compared at all.
    #expect(EditDistance.distance(long, long + "abc", limit: 2) == nil)
    // Different text of the same length stops at the first rows that go over the limit.
    #expect(EditDistance.distance(long, other, limit: 2) == nil)
    // A typo in the middle of long text is found within the band.
    var typo = Array(long)
    typo.swapAt(30_000, 30_001)
    typo[45_000] = "x"
    #expect(EditDistance.distance(long, String(typo), limit: 2) == 2)
    #expect(EditDistance.distance(Array(long), typo) == 2)
    #expect(EditDistance.suggestion(for: String(typo), among: [other, long]) == long)
    #expect(EditDistance.suggestion(for: other, among: [long]) == nil)
}
