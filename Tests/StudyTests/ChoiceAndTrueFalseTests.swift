import Testing

@testable import Study

@Suite struct ChoiceSelectionTests {
    let options = ["Hailsham", "the Cottages", "Kingsfield", "Norfolk"].enumerated().map {
        ChoiceOption(label: ChoiceOption.label(at: $0.offset), text: $0.element)
    }

    @Test func labelsRunPastZ() {
        #expect(ChoiceOption.label(at: 0) == "a")
        #expect(ChoiceOption.label(at: 3) == "d")
        #expect(ChoiceOption.label(at: 25) == "z")
        #expect(ChoiceOption.label(at: 26) == "aa")
        #expect(ChoiceOption.label(at: 27) == "ab")
    }

    @Test func picksByLetterInAnyCaseWithParenOrDot() {
        #expect(ChoiceSelection.read("b", options: options) == .picked(1))
        #expect(ChoiceSelection.read(" C ", options: options) == .picked(2))
        #expect(ChoiceSelection.read("d)", options: options) == .picked(3))
        #expect(ChoiceSelection.read("A.", options: options) == .picked(0))
    }

    @Test func picksByTextNormalisedAndTypoTolerant() {
        #expect(ChoiceSelection.read("kingsfield", options: options) == .picked(2))
        #expect(ChoiceSelection.read("Cottages", options: options) == .picked(1))
        #expect(ChoiceSelection.read("Kingsfeild", options: options) == .picked(2))
    }

    @Test func invalidInputIsARepromptWithAnExactMessage() {
        #expect(
            ChoiceSelection.read("z", options: options)
                == .invalid(message: "There is no choice z. Type a letter from a to d, or the text of a choice.")
        )
        #expect(
            ChoiceSelection.read("   ", options: options)
                == .invalid(message: "Type a letter from a to d, or the text of a choice."))
        #expect(
            ChoiceSelection.read("London", options: options)
                == .invalid(
                    message: "\"London\" is not one of the choices. Type a letter from a to d, or the text of a choice."
                )
        )
    }

    @Test func textMatchingSeveralChoicesIsInvalid() {
        let similar = [ChoiceOption(label: "a", text: "Hailsham"), ChoiceOption(label: "b", text: "Hailshan")]
        #expect(
            ChoiceSelection.read("Hailshas", options: similar)
                == .invalid(
                    message:
                        "\"Hailshas\" matches more than one choice. Type a letter from a to b, or the text of a choice."
                )
        )
        // An exact text match is not ambiguous even when another choice is one typo away.
        #expect(ChoiceSelection.read("hailshan", options: similar) == .picked(1))
    }
}

@Suite struct TrueFalseSelectionTests {
    @Test(arguments: ["t", "T", "true", "True.", " yes ", "y", "YES!"])
    func readsTrue(input: String) {
        #expect(TrueFalseSelection.read(input) == .answered(true))
    }

    @Test(arguments: ["f", "False", "n", "no", "NO."])
    func readsFalse(input: String) {
        #expect(TrueFalseSelection.read(input) == .answered(false))
    }

    @Test(arguments: ["", "maybe", "tru", "yes no", "1"])
    func anythingElseIsARePrompt(input: String) {
        #expect(TrueFalseSelection.read(input) == .invalid(message: "Type t or f (true or false, y or n, yes or no)."))
    }
}
