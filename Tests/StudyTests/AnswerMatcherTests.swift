import Testing

@testable import Study

@Suite struct AnswerMatcherTests {
    let matcher = AnswerMatcher()

    @Test func forgivesCaseSpacesPunctuationAccentsAndArticles() {
        #expect(matcher.check("the Cottages", against: "Cottages") == .correct)
        #expect(matcher.check("Cottages", against: "The Cottages") == .correct)
        #expect(matcher.check("kathy h", against: "Kathy H.") == .correct)
        #expect(matcher.check("  KATHY   H. ", against: "Kathy H.") == .correct)
        #expect(matcher.check("emile", against: "Émile") == .correct)
        #expect(matcher.check("Miss Émilie", against: "miss emilie") == .correct)
        #expect(matcher.check("madame", against: "Madame") == .correct)
    }

    @Test func acceptsAnyAcceptedAnswer() {
        #expect(matcher.check("Madame", against: ["Marie-Claude", "Madame"]) == .correct)
        #expect(matcher.check("marie claude", against: ["Marie-Claude", "Madame"]) == .correct)
    }

    @Test func forgivesOneTypoInALongWord() {
        #expect(
            matcher.check("Hailshem", against: "Hailsham")
                == .correctWithTypo(
                    expected: "Hailsham",
                    differences: [
                        .init(.same, "Hailsh"), .init(.typedOnly, "e"), .init(.expectedOnly, "a"), .init(.same, "m"),
                    ]
                )
        )
        // Insertion, deletion and a swap of neighbours are one typo each.
        #expect(matcher.check("Hailssham", against: "Hailsham").isCorrect)
        #expect(matcher.check("Hailsam", against: "Hailsham").isCorrect)
        #expect(matcher.check("Hialsham", against: "Hailsham").isCorrect)
        // Five letters is long enough.
        #expect(matcher.check("Tomy", against: "Tommy").isCorrect)
    }

    @Test func typoDiffIgnoresTheForgivenArticleAndCase() {
        let verdict = matcher.check("the hailshem", against: "Hailsham")
        #expect(verdict.differences.rendered == "Hailsh[-e-]{+a+}m")
    }

    @Test func noTypoInShortWords() {
        let verdict = matcher.check("Rith", against: "Ruth")
        #expect(
            verdict
                == .incorrect(
                    closest: "Ruth",
                    differences: [
                        .init(.same, "R"), .init(.typedOnly, "i"), .init(.expectedOnly, "u"), .init(.same, "th"),
                    ]
                )
        )
        #expect(!verdict.isCorrect)
        #expect(verdict.proposedRating == .again)
    }

    @Test func oneTypoPerLongWordAcrossSeveralWords() {
        #expect(matcher.check("Kahty Hailshem", against: "Kathy Hailsham").isCorrect)
        #expect(!matcher.check("Rith Hailsham", against: "Ruth Hailsham").isCorrect)
        // Two typos in one word is too many.
        #expect(!matcher.check("Hielshem", against: "Hailsham").isCorrect)
        // Numbers must be exact, however long.
        #expect(
            matcher.check("19998", against: "19999")
                == .incorrect(
                    closest: "19999",
                    differences: [.init(.same, "1999"), .init(.typedOnly, "8"), .init(.expectedOnly, "9")]))
        // Words must line up, but a space too many or too few is a typo.
        #expect(
            matcher.check("Hail sham", against: "Hailsham")
                == .correctWithTypo(
                    expected: "Hailsham",
                    differences: [.init(.same, "Hail"), .init(.typedOnly, " "), .init(.same, "sham")])
        )
        #expect(matcher.check("thirtyone", against: ["31", "thirty-one"]).isCorrect)
        #expect(!matcher.check("Hail shem", against: "Hailsham").isCorrect)
    }

    @Test func exactMatchWinsOverTypoMatch() {
        #expect(matcher.check("Tommy", against: ["Tomm", "Tommy"]) == .correct)
    }

    @Test func closeMissesShowTheDifference() {
        let verdict = matcher.check("Nofrok", against: ["Hailsham", "Norfolk"])
        #expect(verdict.differences.rendered == "No[-f-]r{+f+}o{+l+}k")
        if case .incorrect(let closest, _) = verdict {
            #expect(closest == "Norfolk")
        } else {
            Issue.record("\(verdict)")
        }
        #expect(matcher.check("Tommy", against: "Tommy D.").differences.rendered == "Tommy{+ D.+}")
    }

    @Test func farMissesHaveNoDiff() {
        #expect(matcher.check("Tommy", against: "Ruth") == .incorrect(closest: nil, differences: []))
        #expect(matcher.check("ab", against: "xy") == .incorrect(closest: nil, differences: []))
    }

    @Test func emptyAnswerIsWrongAndNotClose() {
        #expect(matcher.check("", against: "A") == .incorrect(closest: nil, differences: []))
        #expect(matcher.check("  ...  ", against: "Ruth") == .incorrect(closest: nil, differences: []))
    }

    @Test func closenessThreshold() {
        // 30% of a 20-letter answer is 6 edits, but not half of it.
        #expect(matcher.isClose(distance: 6, length: 20))
        #expect(!matcher.isClose(distance: 7, length: 20))
        #expect(matcher.isClose(distance: 2, length: 5))
        #expect(!matcher.isClose(distance: 2, length: 4))
        #expect(matcher.isClose(distance: 1, length: 4))
    }
}
