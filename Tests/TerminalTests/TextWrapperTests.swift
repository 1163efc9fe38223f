import Foundation
import Testing

@testable import Terminal

@Suite struct TextWrapperTests {
    @Test func wrapsBetweenWords() {
        let wrapper = TextWrapper(width: 20)
        #expect(
            wrapper.wrap("Kathy is a carer at the age of thirty-one, looking back.")
                == "Kathy is a carer at\nthe age of\nthirty-one, looking\nback.")
    }

    @Test func keepsLineBreaksAndSpacingInsideLines() {
        let wrapper = TextWrapper(width: 30)
        #expect(wrapper.wrap("--count N  how many\n\n--tag T    which") == "--count N  how many\n\n--tag T    which")
    }

    @Test func indentsEveryLineAndTheFirstDifferently() {
        let wrapper = TextWrapper(width: 16)
        #expect(
            wrapper.wrap("one two three four", indent: "    ", firstIndent: "  - ") == "  - one two\n    three four")
    }

    @Test func cutsWordsLongerThanALine() {
        let wrapper = TextWrapper(width: 10)
        #expect(wrapper.wrap("abcdefghijklmnopqrstuvwxyz end") == "abcdefghij\nklmnopqrst\nuvwxyz end")
    }

    @Test func countsWideCharactersAsTwoColumns() {
        let wrapper = TextWrapper(width: 10)
        #expect(wrapper.wrap("日本語 日本語") == "日本語\n日本語")
        #expect(wrapper.wrap("e\u{301}e\u{301}e\u{301} abcdef") == "e\u{301}e\u{301}e\u{301} abcdef")
    }

    @Test func cutsLongWordsAfterTextAndUnderAnIndent() {
        let wrapper = TextWrapper(width: 10)
        #expect(wrapper.wrap("ab 漢漢漢漢漢漢漢", indent: "  ") == "  ab\n  漢漢漢漢\n  漢漢漢")
        #expect(
            wrapper.wrap("abcdefghijklmnopqrstu", indent: "  ", firstIndent: "- ") == "- abcdefgh\n  ijklmnop\n  qrstu")
    }

    // F2 (issue 16): a long word was re-measured and re-copied for every line it was cut
    // into, so 100 000 × "漢" took 32 s to show and a word of a million characters never did.
    @Test func cutsVeryLongWordsInOnePass() {
        let finished = finishes(within: 30) { Self.cutVeryLongWords() }
        #expect(finished, "wrapping a word of a million characters does not finish")
    }

    private static func cutVeryLongWords() {
        let wrapper = TextWrapper(width: 80)
        let wide = wrapper.wrap(String(repeating: "漢", count: 100_000)).split(separator: "\n")
        #expect(wide.count == 2_500)
        #expect(wide.allSatisfy { $0.count == 40 })
        let long = wrapper.wrap("x " + String(repeating: "a", count: 1_000_000) + " y").split(separator: "\n")
        #expect(long.count == 12_502)
        #expect(long.first == "x")
        #expect(long.dropFirst().dropLast().allSatisfy { $0 == String(repeating: "a", count: 80) })
        #expect(long.last == "y")
    }

    @Test func theWidthIsAtLeastTen() {
        #expect(TextWrapper(width: 3).width == 10)
    }
}

@Suite struct DisplayWidthTests {
    @Test func countsColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }
}

@Suite struct StyledWidthTests {
    @Test func escapeSequencesTakeNoColumns() {
        let bold = Style(enabled: true).bold("answer: ")
        #expect(DisplayWidth.of(bold) == 8)
        #expect(
            TextWrapper(width: 20).wrap("Hailsham in Norfolk", indent: "        ", firstIndent: bold) == bold
                + "Hailsham in\n        Norfolk")
    }
}

/// Whether `work` finishes within `seconds` of wall time. It runs on a thread of its own,
/// so a hang fails the test instead of stalling the run (and a busy test pool does not count
/// against it, as it would with `.timeLimit`).
func finishes(within seconds: Double, _ work: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread {
        work()
        done.signal()
    }.start()
    return done.wait(timeout: .now() + seconds) == .success
}
