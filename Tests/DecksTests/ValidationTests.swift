import Testing

@testable import Decks

/// The problems `recall check` would print for a deck given as JSON text.
func problems(_ json: String, file: String = "d.json") -> [String] {
    DeckLoader.load(json: json, file: file).problems.map(\.description)
}

/// A deck whose `cards` list holds `card`, which starts on line 8, column 5.
func deck(card: String) -> String {
    """
    {
      "format": 1,
      "id": "t",
      "title": "T",
      "description": "D",
      "sources": [{"id": "novel", "title": "Novel"}],
      "cards": [
        \(card)
      ]
    }
    """
}

/// The problems of a deck with this one card.
func cardProblems(_ card: String) -> [String] {
    problems(deck(card: card))
}

// MARK: Deck level

@Test func aDeckMustBeAnObject() {
    #expect(problems("[1]") == ["d.json:1:1: error: a deck must be a JSON object ({ … }), not a list"])
}

@Test func missingDeckFieldsAreNamed() {
    #expect(
        problems("{\"format\": 1}") == [
            "d.json:1:1: error: missing field \"id\"",
            "d.json:1:1: error: missing field \"title\"",
            "d.json:1:1: error: missing field \"description\"",
            "d.json:1:1: error: missing field \"sources\" (write \"sources\": [] for a deck without sources)",
            "d.json:1:1: error: missing field \"cards\"",
        ])
}

@Test func unknownDeckFieldSuggestsTheClosestField() {
    let json = deck(card: "{\"id\": \"a\", \"type\": \"basic\", \"front\": \"f\", \"back\": \"b\"}")
        .replacingOccurrences(of: "\"title\": \"T\"", with: "\"titel\": \"T\"")
    #expect(problems(json) == ["d.json:4:3: error: unknown field \"titel\" (did you mean \"title\"?)"])
}

@Test func unknownFieldWithoutACloseMatchHasNoSuggestion() {
    let json =
        "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"description\": \"D\", \"sources\": [], \"cards\": [], \"colour\": \"red\"}"
    #expect(problems(json) == ["d.json:1:88: error: unknown field \"colour\""])
}

@Test func formatMustBeOne() {
    #expect(
        problems("{\"format\": 2, \"bogus\": 1}") == [
            "d.json:1:12: error: unsupported deck format 2: this version of recall reads format 1"
        ])
    #expect(problems("{\"format\": \"1\"}") == ["d.json:1:12: error: \"format\" must be the number 1, not a string"])
}

@Test func deckIDMustBeASlug() {
    let json =
        "{\"format\": 1, \"id\": \"My Deck\", \"title\": \"T\", \"description\": \"D\", \"sources\": [], \"cards\": []}"
    #expect(
        problems(json) == [
            "d.json:1:21: error: \"id\" must be a slug: lowercase letters, digits and single hyphens, starting and ending with a letter or digit (not \"My Deck\")"
        ])
}

@Test func slugRules() {
    #expect(TextRules.isSlug("ruth-possible"))
    #expect(TextRules.isSlug("chapter-7"))
    #expect(TextRules.isSlug("7"))
    #expect(!TextRules.isSlug(""))
    #expect(!TextRules.isSlug("-ruth"))
    #expect(!TextRules.isSlug("ruth-"))
    #expect(!TextRules.isSlug("ruth--kathy"))
    #expect(!TextRules.isSlug("Ruth"))
    #expect(!TextRules.isSlug("ruth_1"))
    #expect(!TextRules.isSlug("ruth#c1"))
    #expect(TextRules.isSlug(String(repeating: "a", count: 64)))
    #expect(!TextRules.isSlug(String(repeating: "a", count: 65)))
}

@Test func wrongTypesAreNamed() {
    let json =
        "{\"format\": 1, \"id\": 7, \"title\": [], \"description\": null, \"tags\": \"x\", \"sources\": {}, \"cards\": true}"
    #expect(
        problems(json) == [
            "d.json:1:21: error: \"id\" must be a string, not a number",
            "d.json:1:33: error: \"title\" must be a string, not a list",
            "d.json:1:52: error: \"description\" must be a string, not null",
            "d.json:1:66: error: \"tags\" must be a list of strings, not a string",
            "d.json:1:82: error: \"sources\" must be a list of sources, not an object",
            "d.json:1:95: error: \"cards\" must be a list of cards, not true or false",
        ])
}

@Test func emptyTextIsAnError() {
    let json =
        "{\"format\": 1, \"id\": \"t\", \"title\": \" \", \"description\": \"D\", \"sources\": [], \"cards\": []}"
    #expect(problems(json) == ["d.json:1:35: error: \"title\" must not be empty"])
}

@Test func duplicateFieldsAreErrors() {
    let json =
        "{\"format\": 1,\n\"id\": \"t\",\n\"id\": \"u\", \"title\": \"T\", \"description\": \"D\", \"sources\": [], \"cards\": []}"
    #expect(problems(json) == ["d.json:3:1: error: duplicate field \"id\" (first set on line 2)"])
}

@Test func schemaFieldIsAllowed() {
    let json =
        "{\"$schema\": \"../schema.json\", \"format\": 1, \"id\": \"t\", \"title\": \"T\", \"description\": \"D\", \"sources\": [], \"cards\": []}"
    #expect(problems(json) == [])
}

// MARK: Sources

@Test func sourceRules() {
    let json = """
        {"format": 1, "id": "t", "title": "T", "description": "D", "cards": [], "sources": [
          {"id": "novel", "title": "Novel", "url": "example.org"},
          {"id": "novel", "title": "Again"},
          {"title": "No id", "autor": "X"},
          "text"
        ]}
        """
    #expect(
        problems(json) == [
            "d.json:2:44: error: \"url\" must start with https:// or http://",
            "d.json:3:10: error: duplicate source id \"novel\" (first used on line 2)",
            "d.json:4:3: error: missing field \"id\"",
            "d.json:4:22: error: unknown field \"autor\" (did you mean \"author\"?)",
            "d.json:5:3: error: a source must be an object, not a string",
        ])
}

// MARK: Cards

@Test func validCardHasNoProblems() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"basic\", \"front\": \"f\", \"back\": \"b\", \"source\": \"novel\"}")
            == [])
}

@Test func unknownCardFieldSuggestsAndIsNotAlsoMissing() {
    #expect(
        cardProblems("{\"id\": \"ruth\", \"type\": \"typed\", \"prompt\": \"Who?\", \"anwsers\": [\"Ruth\"]}") == [
            "d.json:8:55: error: card \"ruth\": unknown field \"anwsers\" (did you mean \"answers\"?)"
        ])
}

@Test func fieldOfAnotherTypeGetsItsOwnMessage() {
    #expect(
        cardProblems(
            "{\"id\": \"a\", \"type\": \"typed\", \"prompt\": \"p\", \"answers\": [\"x\"], \"choices\": [\"x\", \"y\"]}"
        ) == [
            "d.json:8:67: error: card \"a\": field \"choices\" does not belong to a \"typed\" card"
        ])
}

@Test func missingCardFields() {
    #expect(
        cardProblems("{\"type\": \"basic\", \"front\": \"f\"}") == [
            "d.json:8:5: error: card #1: missing field \"id\"",
            "d.json:8:5: error: card #1: missing field \"back\"",
        ])
    #expect(
        cardProblems("{\"id\": \"a\"}") == [
            "d.json:8:5: error: card \"a\": missing field \"type\" (one of basic, typed, choice, truefalse, cloze)"
        ])
}

@Test func unknownCardTypeSuggests() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"choise\"}") == [
            "d.json:8:25: error: card \"a\": unknown card type \"choise\" (did you mean \"choice\"?)"
        ])
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"essay\"}") == [
            "d.json:8:25: error: card \"a\": unknown card type \"essay\" (the types are basic, typed, choice, truefalse, cloze)"
        ])
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": 3}") == [
            "d.json:8:25: error: card \"a\": \"type\" must be a string (one of basic, typed, choice, truefalse, cloze), not a number"
        ])
}

@Test func cardMustBeAnObject() {
    #expect(cardProblems("[]") == ["d.json:8:5: error: card #1: a card must be an object, not a list"])
}

@Test func cardIDMustBeASlugAndUnique() {
    let cards = """
        {"id": "a", "type": "truefalse", "statement": "s", "answer": true},
            {"id": "a", "type": "truefalse", "statement": "s", "answer": false},
            {"id": "B", "type": "truefalse", "statement": "s", "answer": false}
        """
    #expect(
        cardProblems(cards) == [
            "d.json:9:12: error: card \"a\": duplicate card id \"a\" (first used on line 8)",
            "d.json:10:12: error: card \"B\": \"id\" must be a slug: lowercase letters, digits and single hyphens, starting and ending with a letter or digit (not \"B\")",
        ])
}

@Test func basicReverseMustBeABoolean() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"basic\", \"front\": \"f\", \"back\": \"b\", \"reverse\": \"true\"}")
            == [
                "d.json:8:72: error: card \"a\": \"reverse\" must be true or false without quotes, not the string \"true\""
            ])
}

@Test func typedAnswersMustBeANonEmptyListOfText() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"typed\", \"prompt\": \"p\", \"answers\": []}") == [
            "d.json:8:60: error: card \"a\": \"answers\" must list at least one accepted answer"
        ])
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"typed\", \"prompt\": \"p\", \"answers\": [\"x\", 2, \"\"]}") == [
            "d.json:8:66: error: card \"a\": \"answers\" entry 2 must be a string, not a number",
            "d.json:8:69: error: card \"a\": \"answers\" entry 3 must not be empty",
        ])
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"typed\", \"prompt\": \"p\", \"answers\": \"x\"}") == [
            "d.json:8:60: error: card \"a\": \"answers\" must be a list of strings, not a string"
        ])
}

@Test func choiceRules() {
    #expect(
        cardProblems(
            "{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"p\", \"choices\": [\"Ruth\", \"Tommy\"], \"answer\": \"ruht\"}"
        ) == [
            "d.json:8:90: error: card \"a\": answer \"ruht\" is not among the choices (did you mean \"Ruth\"?)"
        ])
    #expect(
        cardProblems(
            "{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"p\", \"choices\": [\"Ruth\", \"Tommy\"], \"answer\": \"Kathy\"}"
        ) == [
            "d.json:8:90: error: card \"a\": answer \"Kathy\" is not among the choices"
        ])
    #expect(
        cardProblems(
            "{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"p\", \"choices\": [\"Ruth\"], \"answer\": \"Ruth\"}")
            == [
                "d.json:8:61: error: card \"a\": \"choices\" must have 2 to 8 entries, not 1"
            ])
    let nine = (1...9).map { "\"\($0)\"" }.joined(separator: ", ")
    #expect(
        cardProblems(
            "{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"p\", \"choices\": [\(nine)], \"answer\": \"1\"}") == [
                "d.json:8:61: error: card \"a\": \"choices\" must have 2 to 8 entries, not 9"
            ])
    #expect(
        cardProblems(
            "{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"p\", \"choices\": [\"x\", \"y\", \"x\"], \"answer\": \"x\"}"
        ) == [
            "d.json:8:72: error: card \"a\": duplicate choice \"x\" (the same as choice 1)"
        ])
}

@Test func trueFalseAnswerMustBeABoolean() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"truefalse\", \"statement\": \"s\", \"answer\": \"yes\"}") == [
            "d.json:8:66: error: card \"a\": \"answer\" must be true or false, not a string"
        ])
}

@Test func clozeWithoutADeletionIsAnError() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"cloze\", \"text\": \"Kathy is a carer.\"}") == [
            "d.json:8:42: error: card \"a\": cloze text has no deletion (mark the hidden part as {{c1::answer}})"
        ])
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"cloze\", \"text\": \"{{c1:Kathy}} is a carer.\"}") == [
            "d.json:8:42: error: card \"a\": malformed cloze deletion \"{{c1:Kathy}} is a ca...\": write {{c1::answer}} or {{c1::answer::hint}}"
        ])
}

@Test func unknownSourceIsAnError() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"cloze\", \"text\": \"{{c1::x}}\", \"source\": \"novle\"}") == [
            "d.json:8:65: error: card \"a\": unknown source \"novle\" (did you mean \"novel\"?)"
        ])
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"cloze\", \"text\": \"{{c1::x}}\", \"source\": \"film\"}") == [
            "d.json:8:65: error: card \"a\": unknown source \"film\" (the deck's sources are \"novel\")"
        ])
}

@Test func controlCharactersAndEscapeSequencesAreErrors() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"basic\", \"front\": \"\\u001b[31mred\", \"back\": \"b\\tc\"}") == [
            "d.json:8:43: error: card \"a\": \"front\" contains the control character U+001B: text may contain line breaks but no other control characters or escape sequences",
            "d.json:8:68: error: card \"a\": \"back\" contains the control character U+0009: text may contain line breaks but no other control characters or escape sequences",
        ])
    #expect(
        cardProblems(
            "{\"id\": \"a\", \"type\": \"basic\", \"front\": \"x\\u0085\", \"back\": \"DEL\\u007f\", \"hint\": \"line\\nbreak\"}"
        ) == [
            "d.json:8:43: error: card \"a\": \"front\" contains the control character U+0085: text may contain line breaks but no other control characters or escape sequences",
            "d.json:8:62: error: card \"a\": \"back\" contains the control character U+007F: text may contain line breaks but no other control characters or escape sequences",
        ])
}

@Test func everyProblemIsReportedNotJustTheFirst() {
    let cards = """
        {"id": "a", "type": "typed", "prompt": "p", "answers": []},
            {"id": "b", "type": "choice", "prompt": "p", "choices": ["x", "y"], "answer": "z"},
            {"id": "c", "type": "cloze", "text": "none"}
        """
    #expect(cardProblems(cards).count == 3)
    #expect(DeckLoader.load(json: deck(card: cards)).cardCount == 3)
    #expect(DeckLoader.load(json: deck(card: cards)).deck == nil)
}

@Test func columnsCountCharactersNotBytes() {
    #expect(
        cardProblems("{\"id\": \"é\", \"type\": \"basic\", \"front\": \"f\", \"back\": \"b\", \"ñ\": 1}") == [
            "d.json:8:12: error: card \"é\": \"id\" must be a slug: lowercase letters, digits and single hyphens, starting and ending with a letter or digit (not \"é\")",
            "d.json:8:61: error: card \"é\": unknown field \"ñ\"",
        ])
}

@Test func messagesNeverCarryRawControlCharacters() {
    #expect(
        cardProblems("{\"id\": \"a\", \"type\": \"basic\", \"front\": \"f\", \"back\": \"b\", \"\\u001b[2J\": 1}") == [
            "d.json:8:61: error: card \"a\": unknown field \"\\u{1B}[2J\""
        ])
}

@Test func aDeckOfAnotherFormatIsNotCheckedFurther() {
    let json = deck(card: "{\"id\": \"A\", \"kind\": \"new\"}").replacingOccurrences(
        of: "\"format\": 1", with: "\"format\": 2")
    #expect(problems(json) == ["d.json:2:13: error: unsupported deck format 2: this version of recall reads format 1"])
}

@Test func sourcesMayComeAfterTheCards() {
    let json = """
        {"format": 1, "id": "t", "title": "T", "description": "D",
         "cards": [{"id": "a", "type": "truefalse", "statement": "s", "answer": true, "source": "novel"},
                   {"id": "b", "type": "truefalse", "statement": "s", "answer": true, "source": "film"}],
         "sources": [{"id": "novel", "title": "Novel"}]}
        """
    #expect(
        problems(json) == ["d.json:3:89: error: card \"b\": unknown source \"film\" (the deck's sources are \"novel\")"]
    )
}

@Test func problemsInCardsBeforeASyntaxErrorAreReportedToo() {
    let json = deck(
        card: "{\"id\": \"a\", \"type\": \"basic\", \"front\": \"f\", \"bak\": \"b\"}, {\"id\": \"b\" \"type\": x}")
    #expect(
        problems(json) == [
            "d.json:8:48: error: card \"a\": unknown field \"bak\" (did you mean \"back\"?)",
            "d.json:8:71: error: card \"b\": missing ',' between object members (add a ',' here)",
            "d.json:8:80: error: card \"b\": unexpected \"x\": strings must be in double quotes, and the only bare words are true, false and null",
        ])
}

@Test func schemaFieldMustBeAString() {
    let json =
        "{\"$schema\": 1, \"format\": 1, \"id\": \"t\", \"title\": \"T\", \"description\": \"D\", \"sources\": [], \"cards\": []}"
    #expect(problems(json) == ["d.json:1:13: error: \"$schema\" must be a string, not a number"])
}
