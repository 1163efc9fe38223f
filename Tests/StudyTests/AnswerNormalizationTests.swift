import Testing

@testable import Study

@Suite struct AnswerNormalizationTests {
    @Test func foldsCaseAccentsAndWidth() {
        #expect(AnswerNormalization.fold("Émile") == "emile")
        #expect(AnswerNormalization.fold("Straße") == "strasse")
        #expect(AnswerNormalization.fold("ＡＢＣ") == "abc")
        #expect(AnswerNormalization.fold("Łódź") == "lodz")
        #expect(AnswerNormalization.fold("Ærøskøbing") == "aeroskobing")
        #expect(AnswerNormalization.fold("Œuvre") == "oeuvre")
    }

    @Test func dropsPunctuationAndSplitsOnDashes() {
        #expect(AnswerNormalization.words("Kathy H.") == ["kathy", "h"])
        #expect(AnswerNormalization.words("Ruth's \"possible\"!") == ["ruths", "possible"])
        #expect(AnswerNormalization.words("well-known / famous") == ["well", "known", "famous"])
        #expect(AnswerNormalization.words("1990s – the end") == ["1990s", "the", "end"])
        #expect(AnswerNormalization.words("1 + 1 = 2 & more") == ["1", "+", "1", "=", "2", "more"])
    }

    @Test func collapsesWhitespace() {
        #expect(AnswerNormalization.normalize("  Kathy \t  H  ") == "kathy h")
        #expect(AnswerNormalization.collapsingWhitespace("  Kathy \t  H.  ") == "Kathy H.")
        #expect(AnswerNormalization.words("   ").isEmpty)
        #expect(AnswerNormalization.words("?!").isEmpty)
    }

    @Test func dropsOneLeadingArticleOnlyWhenMoreFollows() {
        #expect(AnswerNormalization.normalize("The Cottages") == "cottages")
        #expect(AnswerNormalization.normalize("an  Owl") == "owl")
        #expect(AnswerNormalization.normalize("A") == "a")
        #expect(AnswerNormalization.normalize("the") == "the")
        #expect(AnswerNormalization.normalize("the the") == "the")
        #expect(AnswerNormalization.normalize("Cottages, the") == "cottages the")
    }

    @Test func theASCIIFastPathSplitsLikeTheGeneralOne() {
        // Every printable ASCII character and white space, between letters, alone and doubled.
        for byte in UInt8(0x09)...UInt8(0x7E) where byte >= 0x20 || (0x09...0x0D).contains(byte) {
            let character = String(UnicodeScalar(byte))
            for text in ["a\(character)b", character, "\(character)\(character)x", "x y\(character)"] {
                #expect(AnswerNormalization.splitASCIIWords(text) == AnswerNormalization.splitAnyWords(text), "\(byte)")
            }
        }
        #expect(AnswerNormalization.splitASCIIWords("caf\u{E9}") == nil)
        #expect(AnswerNormalization.splitASCIIWords("a\u{1}b") == nil)
    }
}
