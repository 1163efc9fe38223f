import Testing

@testable import Study

/// Huge answers are graded at once. Each input here is one the old quadratic checks (a full
/// edit-distance table between typed and expected text, 10¹⁰ cells and more) took many
/// minutes over; checking is now linear, so each takes a fraction of a second. Not timed: a
/// regression hangs the suite instead of passing.
@Suite struct LongAnswerTests {
    let matcher = AnswerMatcher()
    static let length = 100_000

    @Test func aHugeWordWithOneTypoAgainstAHugeAnswer() {
        let expected = String(repeating: "x", count: Self.length)
        let typed = expected + "y"
        let verdict = matcher.check(typed, against: expected)
        #expect(verdict.isCorrect)
        // The diff of texts this long is the whole text, not a character diff.
        #expect(verdict.differences == [.init(.typedOnly, typed), .init(.expectedOnly, expected)])
    }

    @Test func aHugeAnswerWithTwoTyposIsWrongAndNotClose() {
        let expected = String(repeating: "x", count: Self.length)
        let typed = "yy" + String(repeating: "x", count: Self.length - 2)
        #expect(matcher.check(typed, against: expected) == .incorrect(closest: nil, differences: []))
    }

    @Test func aHugeManyWordAnswer() {
        let expected = String(repeating: "abcde ", count: Self.length / 6)
        var typedWords = Array(repeating: "abcde", count: Self.length / 6)
        typedWords[typedWords.count / 2] = "abdce"
        #expect(matcher.check(typedWords.joined(separator: " "), against: expected).isCorrect)
        typedWords[0] = "edcba"
        #expect(
            matcher.check(typedWords.joined(separator: " "), against: expected)
                == .incorrect(closest: nil, differences: []))
    }

    @Test func aHugeTypedAnswerAgainstShortOnes() {
        let typed = String(repeating: "Norfolk ", count: Self.length / 8)
        #expect(matcher.check(typed, against: ["Norfolk", "Hailsham"]) == .incorrect(closest: nil, differences: []))
        let options = [
            ChoiceOption(label: "a", text: "Norfolk"),
            ChoiceOption(label: "b", text: String(repeating: "x", count: Self.length)),
        ]
        if case .picked = ChoiceSelection.read(typed, options: options) { Issue.record("a huge text picked a choice") }
        #expect(
            !Question.gradeCloze(typed + "," + typed, answers: ["Norfolk", "Hailsham"], matcher: matcher).isCorrect)
    }
}
