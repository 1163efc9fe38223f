import Testing

@testable import Decks

// F4 and F6 (issue 16): bidirectional controls and zero-width characters are rejected in
// answers and choices and warned about elsewhere; choices that look the same on screen are
// rejected; messages show such characters escaped, never raw.

/// The problems of a deck with one choice card with these choices (JSON text) and answer.
private func choiceProblems(_ choices: String, answer: String) -> [DeckProblem] {
    DeckLoader.load(
        json: deck(
            card:
                "{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"p\", \"choices\": [\(choices)], \"answer\": \"\(answer)\"}"
        ),
        file: "d.json"
    ).problems
}

@Test func invisibleCharactersInChoicesAreErrors() {
    let bidi = choiceProblems(#""\u202eTommy", "Ruth""#, answer: "Ruth")
    #expect(
        bidi.map(\.description) == [
            #"d.json:8:62: error: card "a": "choices" entry 1 contains the invisible character U+202E (a bidirectional control): answers and choices must look like what they are"#
        ])
    let zeroWidth = choiceProblems(#""Tom\u200bmy", "Ruth""#, answer: "Ruth")
    #expect(
        zeroWidth.map(\.message) == [
            #""choices" entry 1 contains the invisible character U+200B (zero width space): answers and choices must look like what they are"#
        ])
    #expect(zeroWidth.allSatisfy { $0.isError })
}

@Test func invisibleCharactersInAnswersAreErrors() {
    let choice = choiceProblems(#""Tommy", "Ruth""#, answer: #"Ruth\u2066"#)
    #expect(choice.map(\.message).first?.hasPrefix(#""answer" contains the invisible character U+2066"#) == true)
    let typed = DeckLoader.load(
        json: deck(card: #"{"id": "a", "type": "typed", "prompt": "p", "answers": ["Hailsham\ufeff"]}"#), file: "d.json"
    )
    #expect(typed.deck == nil)
    #expect(
        typed.problems.map(\.message) == [
            #""answers" entry 1 contains the invisible character U+FEFF (zero width no-break space): answers and choices must look like what they are"#
        ])
    let cloze = DeckLoader.load(
        json: deck(card: #"{"id": "a", "type": "cloze", "text": "Kathy is a {{c1::car\u200der}}."}"#), file: "d.json")
    #expect(cloze.deck == nil)
    #expect(
        cloze.problems.contains {
            $0.isError && $0.message.contains("has a deletion that contains the invisible character U+200D")
        })
}

@Test func invisibleCharactersElsewhereAreWarnings() {
    let result = DeckLoader.load(
        json: deck(
            card:
                #"{"id": "a", "type": "basic", "front": "Who is \u202eKathy?", "back": "The nar\u200brator", "hint": "x\u2060y"}"#
        ),
        file: "d.json")
    #expect(result.deck != nil)  // warnings do not stop the deck loading
    #expect(result.problems.count == 3)
    #expect(result.problems.allSatisfy { $0.severity == .warning })
    #expect(
        result.problems.first?.description
            == #"d.json:8:43: warning: card "a": "front" contains the invisible character U+202E (a bidirectional control), which can make text read differently from what it is"#
    )
    let catalogProblems = DeckLoader.load(
        json: deck(card: #"{"id": "a", "type": "basic", "front": "f", "back": "b"}"#).replacingOccurrences(
            of: "\"D\"", with: #""D\u200e""#), file: "d.json")
    #expect(
        catalogProblems.problems.map(\.description) == [
            #"d.json:5:18: warning: "description" contains the invisible character U+200E (a bidirectional control), which can make text read differently from what it is"#
        ])
}

@Test func choicesThatLookTheSameAreRejected() {
    // A look-alike made only of invisible characters is already an error for them.
    let ligature = choiceProblems(#""\ufb01sh", "fish""#, answer: "fish")
    #expect(ligature.map(\.message) == [#"choice "fish" looks the same as choice 1 ("ﬁsh") on screen"#])
    let spaces = choiceProblems(#""Tommy  D.", "Tommy D.", "Ruth""#, answer: "Ruth")
    #expect(spaces.map(\.message) == [#"choice "Tommy D." looks the same as choice 1 ("Tommy  D.") on screen"#])
    let fullWidth = choiceProblems(#""\uff34ommy", "Tommy""#, answer: "Tommy")
    #expect(fullWidth.count == 1)
    // Case shows on screen: these are different choices.
    #expect(choiceProblems(#""Tommy", "tommy""#, answer: "Tommy").isEmpty)
}

@Test func appearanceIgnoresInvisibleCharactersAndCompatibilityForms() {
    #expect(TextRules.appearance(of: "\u{202E}Tommy") == "Tommy")
    #expect(TextRules.appearance(of: "Tom\u{200B}my") == "Tommy")
    #expect(TextRules.appearance(of: " Tommy\u{00A0} D. ") == "Tommy D.")
    #expect(TextRules.appearance(of: "e\u{301}") == TextRules.appearance(of: "é"))
    #expect(TextRules.appearance(of: "Tommy") != TextRules.appearance(of: "tommy"))
}

@Test func messagesShowInvisibleCharactersEscaped() {
    let problems = DeckLoader.load(
        json: deck(card: #"{"id": "a", "type": "basic", "front": "f", "back": "b", "\u202ebad": 1}"#), file: "d.json"
    ).problems
    #expect(problems.map(\.message) == [#"unknown field "\u{202E}bad""#])
    #expect(!problems[0].description.unicodeScalars.contains { TextRules.isInvisible($0) })
}
