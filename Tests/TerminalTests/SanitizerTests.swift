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
        #expect(Sanitizer.clean("a\u{07}b\u{08}cd\u{7F}e\u{0}f\u{85}g") == "abcdefg")
        #expect(Sanitizer.clean("esc\u{1B}7saved\u{1B}(B") == "escsaved")
        #expect(Sanitizer.clean("left\u{202E}right\u{2066}") == "leftright")
    }

    // F4 (issue 16): every bidirectional control goes, marks included; C1 controls (the
    // 8-bit CSI U+009B among them) and DEL go too, for the screen and for --json values.
    @Test func removesEveryBidirectionalControlAndC1Control() {
        let bidi: [UInt32] = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for value in bidi {
            let scalar = Unicode.Scalar(value)!
            #expect(Sanitizer.clean("a" + String(Character(scalar)) + "b") == "ab", "U+\(String(value, radix: 16))")
        }
        for value in UInt32(0x80)...0x9F where ![0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F].contains(value) {
            #expect(Sanitizer.clean("a" + String(Character(Unicode.Scalar(value)!)) + "b") == "ab")
        }
        #expect(Sanitizer.clean("card\u{9B}2Jx\u{7F}") == "cardx")
        // Zero-width joiners are part of emoji and scripts: they stay.
        #expect(Sanitizer.clean("👩\u{200D}🔬") == "👩\u{200D}🔬")
    }

    @Test func keepsNewlinesUnlessToldAndTurnsTabsIntoSpaces() {
        #expect(Sanitizer.clean("one\ntwo\tthree") == "one\ntwo three")
        #expect(Sanitizer.clean("one\ntwo", keepNewlines: false) == "one two")
    }

    @Test func lineEndingsOfEveryKindBecomeNewlines() {
        #expect(Sanitizer.clean("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour")
        #expect(Sanitizer.clean("one\r\ntwo\rthree", keepNewlines: false) == "one two three")
        // Terminals and editors disagree on the Unicode separators: they go.
        #expect(Sanitizer.clean("a\u{2028}b\u{2029}c") == "abc")
    }

    /// A broken or unterminated sequence never takes the line break or the next line with it.
    @Test func aBrokenSequenceEndsAtTheLineBreak() {
        #expect(Sanitizer.clean("a\u{1B}]0;title\nnext line") == "a\nnext line")
        #expect(Sanitizer.clean("a\u{1B}\nb") == "a\nb")
        #expect(Sanitizer.clean("a\u{1B}[12\nb") == "a\nb")
        #expect(Sanitizer.clean("a\u{1B}[1é") == "aé")
        #expect(Sanitizer.clean("a\u{90}dcs\r\nb") == "a\nb")
    }

    @Test func aTrailingEscapeIsDropped() {
        #expect(Sanitizer.clean("end\u{1B}") == "end")
        #expect(Sanitizer.clean("end\u{1B}[12") == "end")
    }
}
