import Testing

@testable import Decks

@Test func syntaxErrorsHaveExactMessagesAndPositions() {
    #expect(problems("") == ["d.json:1:1: error: the file is empty: expected a JSON object"])
    #expect(
        problems(deck(card: "{\"id\": \"a\", \"type\": \"truefalse\", \"statement\": \"s\", \"answer\": true,}")) == [
            "d.json:8:70: error: card \"a\": trailing comma before '}' is not allowed in JSON (remove it)"
        ])
    #expect(
        problems("[1, 2,]")
            == [
                "d.json:1:6: error: trailing comma before ']' is not allowed in JSON (remove it)",
                "d.json:1:1: error: a deck must be a JSON object ({ … }), not a list",
            ].sorted())
    #expect(problems("{\"a\": 1 // note\n}") == ["d.json:1:9: error: comments are not allowed in JSON"])
    #expect(problems("{'a': 1}") == ["d.json:1:2: error: field names must be in double quotes (\"), not single quotes"])
    #expect(problems("{a: 1}") == ["d.json:1:2: error: field names must be in double quotes: write \"a\""])
    #expect(problems("{\"a\" 1}") == ["d.json:1:6: error: expected ':' after field name \"a\""])
    #expect(problems("{\"a\": 1 2}") == ["d.json:1:8: error: expected ',' or '}' after object member, found '2'"])
    #expect(problems("{\"a\": [1 2]}") == ["d.json:1:9: error: expected ',' or ']' after list element, found '2'"])
    #expect(
        problems("{\"a\": True}") == [
            "d.json:1:7: error: unexpected \"True\": strings must be in double quotes, and the only bare words are true, false and null"
        ])
    #expect(
        problems("{\"a\": \"x\ny\"}") == [
            "d.json:1:9: error: line break inside a string: end the string first, or write it as \\n"
        ])
    #expect(problems("{\"a\": \"x\ty\"}") == ["d.json:1:9: error: tab inside a string: write it as \\t"])
    #expect(
        problems("{\"a\": \"x\\qy\"}") == [
            "d.json:1:9: error: invalid escape \"\\\\q\" (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"
        ])
    #expect(problems("{\"a\": \"\\u12\"}") == ["d.json:1:8: error: invalid \\u escape: expected 4 hex digits"])
    #expect(problems("{\"a\": \"\\ud800\"}") == ["d.json:1:8: error: unpaired surrogate in \\u escape"])
    #expect(problems("{\"a\": \"abc") == ["d.json:1:7: error: unterminated string (add the closing '\"')"])
    #expect(problems("{\"a\": 01}") == ["d.json:1:7: error: invalid number: leading zeros are not allowed in JSON"])
    #expect(problems("{\"a\": 1.}") == ["d.json:1:7: error: invalid number: expected a digit after '.'"])
    #expect(problems("{\"a\": -}") == ["d.json:1:7: error: invalid number: expected a digit"])
    #expect(problems("{\"a\": 1} x") == ["d.json:1:10: error: unexpected 'x' after the end of the JSON value"])
    #expect(problems("{\"a\": ") == ["d.json:1:7: error: unexpected end of file: expected a value"])
    #expect(
        problems("{\"a\": 1") == ["d.json:1:8: error: unexpected end of file: expected ',' or '}' after object member"])
    #expect(problems("{\"a\": }") == ["d.json:1:7: error: expected a value, found '}'"])
}

@Test func invalidUTF8IsAnError() {
    let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0xFF] + Array("\"}".utf8)
    #expect(
        DeckLoader.load(bytes: bytes, file: "d.json").problems.map(\.description) == [
            "d.json:1:7: error: the string is not valid UTF-8 (save the file as UTF-8)"
        ])
}

@Test func escapesDecode() throws {
    var recovered: [JSONSyntaxError] = []
    let node = try JSONParser.parse(
        Array("[\"a\\\"\\\\\\/\\n\\u00e9\\ud83d\\ude00\", -1.5e2, true, false, null]".utf8), recovered: &recovered)
    guard case .array(let elements) = node.value else {
        Issue.record("not an array")
        return
    }
    guard case .string(let string) = elements[0].value, case .number(let number) = elements[1].value else {
        Issue.record("wrong kinds")
        return
    }
    #expect(string == "a\"\\/\né😀")
    #expect(number == -150)
    #expect(recovered.isEmpty)
}

@Test func tooDeepNestingIsAnErrorNotACrash() {
    let json = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(problems(json) == ["d.json:1:257: error: the JSON is nested too deeply"])
}

@Test func aMissingCommaIsReportedWhereItBelongsAndCheckingGoesOn() {
    let json = deck(
        card: """
            {"id": "tommy", "type": "basic", "front": "a"
                  "bakc": "b"}
            """)
    #expect(
        problems(json) == [
            "d.json:8:50: error: card \"tommy\": missing ',' between object members (add a ',' here)",
            "d.json:9:7: error: card \"tommy\": unknown field \"bakc\" (did you mean \"back\"?)",
        ])
}

@Test func aSyntaxErrorNamesTheCardItIsIn() {
    let json = deck(card: "{\"id\": \"kathy\", \"type\": \"basic\", \"front\": \"a\", \"back\": 'b'}")
    #expect(
        problems(json) == [
            "d.json:8:60: error: card \"kathy\": strings must be in double quotes (\"), not single quotes"
        ])
}

@Test func aMissingClosingBracketIsSuggested() {
    let json = deck(
        card: "{\"id\": \"a\", \"type\": \"truefalse\", \"statement\": \"s\", \"answer\": true\n    {\"id\": \"b\"}")
    #expect(
        problems(json) == [
            "d.json:8:70: error: card \"a\": expected ',' or '}' after object member, found '{' (is a '}' missing here?)"
        ])
    #expect(
        problems("{\"a\": [1, 2}") == [
            "d.json:1:12: error: expected ',' or ']' after list element, found '}' (is a ']' missing here?)"
        ])
}

@Test func fileNamesWithControlCharactersAreEscaped() {
    #expect(
        problems("[]", file: "a\u{1B}[2Jb.json") == [
            "a\\u{1B}[2Jb.json:1:1: error: a deck must be a JSON object ({ … }), not a list"
        ])
}

@Test func aTrailingCommaIsReportedAtTheComma() {
    #expect(
        problems("{\"a\": [1, 2,\n  ]}").contains(
            "d.json:1:12: error: trailing comma before ']' is not allowed in JSON (remove it)"))
    #expect(
        problems("{\"a\": 1 ,\n}").contains(
            "d.json:1:9: error: trailing comma before '}' is not allowed in JSON (remove it)"))
}
