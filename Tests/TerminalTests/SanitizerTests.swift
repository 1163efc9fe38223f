import Testing
@testable import Terminal

@Suite struct SanitizerTests {
    @Test func plainTextIsUntouched() {
        #expect(Sanitizer.clean("Kathy H., 31 — «carer» 日本 é") == "Kathy H., 31 — «carer» 日本 é")
    }

    @Test func removesControlSequenceIntroducers() {
        #expect(Sanitizer.clean("a\u{1B}[31mred\u{1B}[0m b") == "ared b")
        #expect(Sanitizer.clean("x\u{1B}[2J\u{1B}[1;1Hy") == "xy")
        #expect(Sanitizer.clean("8-bit \u{9B}31mCSI") == "8-bit CSI")
    }

    @Test func removesOperatingSystemCommandsAndStrings() {
        #expect(Sanitizer.clean("t\u{1B}]0;evil title\u{07}ok") == "tok")
        #expect(Sanitizer.clean("l\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "llink")
        #expect(Sanitizer.clean("d\u{1B}Pq#0;2;0;0;0\u{1B}\\e") == "de")
        #expect(Sanitizer.clean("\u{9D}title\u{9C}after") == "after")
    }

    @Test func removesOtherControlCharacters() {
        #expect(Sanitizer.clean("a\u{07}b\u{08}c\rd\u{7F}e\u{0}f\u{85}g") == "abcdefg")
        #expect(Sanitizer.clean("esc\u{1B}7saved\u{1B}(B") == "escsaved")
        #expect(Sanitizer.clean("left\u{202E}right\u{2066}") == "leftright")
    }

    @Test func keepsNewlinesUnlessToldAndTurnsTabsIntoSpaces() {
        #expect(Sanitizer.clean("one\ntwo\tthree") == "one\ntwo three")
        #expect(Sanitizer.clean("one\ntwo", keepNewlines: false) == "one two")
    }

    @Test func aTrailingEscapeIsDropped() {
        #expect(Sanitizer.clean("end\u{1B}") == "end")
        #expect(Sanitizer.clean("end\u{1B}[12") == "end")
    }
}
