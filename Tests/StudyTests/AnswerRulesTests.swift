import Testing

@testable import Study

/// The rules that let a right answer in another form count, and the differences that must
/// still be wrong, as tables of (typed, accepted).
@Suite struct AnswerRulesTests {
    let matcher = AnswerMatcher()

    static let numbersThatMatch: [(String, String)] = [
        ("three", "3"), ("3", "three"), ("Three", "THREE"),
        ("thirty-one", "31"), ("31", "thirty-one"), ("thirty one", "31"), ("thirtyone", "31"),
        ("fourth", "4th"), ("4th", "4"), ("fourth", "4"), ("4", "fourth"), ("4TH", "Fourth"),
        ("twenty-first", "21st"), ("21", "twenty first"), ("second", "2nd"), ("3rd", "third"),
        ("one hundred and five", "105"), ("a hundred", "100"), ("two thousand", "2000"),
        ("nineteen ninety", "19 90"), ("zero", "0"), ("fourty", "40"),
        ("fourth donation", "4th donation"), ("second donation", "2nd donation"),
        ("the 3 of them", "three of them"), ("chapter seven", "Chapter 7"),
    ]

    static let numbersThatStayWrong: [(String, String)] = [
        ("5", "four"), ("five", "four"), ("fifth", "4th"), ("5th", "fourth"), ("3", "thirty-one"),
        ("thirty", "31"), ("one", "11"), ("30", "thirteen"), ("31", "thirty-two"), ("4", "40"),
        ("one two", "12"), ("1990", "1990s"), ("twenty", "2"), ("seventen", "17"), ("second", "second hand"),
    ]

    static let pluralsThatMatch: [(String, String)] = [
        ("souls", "soul"), ("soul", "souls"), ("memories", "memory"), ("memory", "memories"),
        ("creature", "creatures"), ("imaginary creature", "imaginary creatures"),
        ("fantastical creatures", "fantastical creature"), ("churches", "church"), ("classes", "class"),
        ("lives", "life"), ("selves", "self"), ("children", "child"), ("donations", "donation"),
        ("Tommy's", "Tommy"),
    ]

    static let pluralsThatStayWrong: [(String, String)] = [
        ("arts", "art"), ("cats", "cat"), ("soulss", "soul"), ("sole", "soul"),
        ("souls", "sole"), ("4s", "4"), ("creatures", "creators"),
    ]

    static let determinersThatAreIgnored: [(String, String)] = [
        ("the Cottages", "Cottages"), ("Cottages", "The Cottages"), ("his animals", "animals"),
        ("animals", "his animals"), ("her second", "second"), ("her second", "2nd"),
        ("their possibles", "possibles"), ("its purpose", "purpose"), ("a cassette", "cassette"),
        ("cassette", "a cassette"), ("an owl", "owl"), ("His fourth donation", "4th donation"),
    ]

    static let determinersThatStayWrong: [(String, String)] = [
        ("her", "his"), ("his", "her"), ("Ruth her", "Ruth"), ("her Ruth", "his Tommy"), ("the", "a"),
    ]

    static let otherWordsThatStayWrong: [(String, String)] = [
        ("Ruth", "Tommy"), ("tape", "cassette"), ("boat", "stranded boat"), ("Lucy", "Miss Lucy"),
        ("Rith", "Ruth"), ("Hielshem", "Hailsham"), ("memory", "memories of Hailsham"),
    ]

    @Test(arguments: numbersThatMatch + pluralsThatMatch + determinersThatAreIgnored)
    func rightInAnotherForm(_ pair: (String, String)) {
        #expect(matcher.check(pair.0, against: pair.1) == .correct, "\(pair.0) for \(pair.1)")
    }

    @Test(arguments: numbersThatStayWrong + pluralsThatStayWrong + determinersThatStayWrong + otherWordsThatStayWrong)
    func stillWrong(_ pair: (String, String)) {
        #expect(!matcher.check(pair.0, against: pair.1).isCorrect, "\(pair.0) for \(pair.1)")
    }

    @Test func aWordInSIsNotThePluralOfItsStem() {
        #expect(!AnswerNormalization.sameWord("princes", "princess"))
        #expect(AnswerNormalization.sameWord("princesses", "princess"))
        #expect(!AnswerNormalization.sameWord("art", "arts"))
    }

    @Test func sameAnswersInSameDeterminedForm() {
        #expect(matcher.check("her", against: "her") == .correct)
        #expect(matcher.check("the", against: "the") == .correct)
    }

    @Test func typosStillForgivenAlongsideTheRules() {
        #expect(matcher.check("imaginary creaturs", against: "imaginary creatures").isCorrect)
        #expect(matcher.check("the memries", against: "memories").isCorrect)
        // A wrong number is a close miss with a diff, never a typo.
        let verdict = matcher.check("5th donation", against: "fourth donation")
        #expect(!verdict.isCorrect)
    }

    @Test func numbersBecomeDigits() {
        #expect(AnswerNormalization.words("Thirty-one") == ["31"])
        #expect(AnswerNormalization.words("one hundred and twenty-three thousand") == ["123000"])
        #expect(AnswerNormalization.words("two thousand and six") == ["2006"])
        #expect(AnswerNormalization.words("one two three") == ["1", "2", "3"])
        #expect(AnswerNormalization.words("hundred and") == ["100", "and"])
        #expect(AnswerNormalization.words("rock and roll") == ["rock", "and", "roll"])
        #expect(AnswerNormalization.words("the fourth and fifth") == ["4", "and", "5"])
        #expect(AnswerNormalization.words("21st century") == ["21", "century"])
        #expect(AnswerNormalization.words("1990s") == ["1990s"])
        #expect(AnswerNormalization.words("one million two thousand") == ["1002000"])
        #expect(AnswerNormalization.words("thousand million") == ["1000", "1000000"])
        #expect(AnswerNormalization.words("someone") == ["someone"])
    }

    @Test func choicesAreReadWithTheSameRules() {
        let options = [
            ChoiceOption(label: "a", text: "Her second donation"),
            ChoiceOption(label: "b", text: "Her fourth donation"),
        ]
        #expect(ChoiceSelection.read("2nd donation", options: options) == .picked(0))
        #expect(ChoiceSelection.read("the 4th donations", options: options) == .picked(1))
        let plural = [ChoiceOption(label: "a", text: "Soul"), ChoiceOption(label: "b", text: "Souls")]
        if case .picked = ChoiceSelection.read("souls", options: plural) {
            Issue.record("souls picks one of soul/souls")
        }
    }
}
