import Foundation
import Testing

@Test func checkAcceptsAGoodDeck() throws {
    let directory = try CheckProcess.temporaryDirectory()
    defer { CheckProcess.removeTemporaryDirectory(directory) }
    try CheckProcess.writeDeck(id: "good", title: "Good", cards: 3, to: directory.appendingPathComponent("good.json"))
    let output = try CheckProcess.run(["check", "good.json"], in: directory)
    #expect(output.stdout == "1 deck, 3 cards, 0 errors\n")
    #expect(output.stderr == "")
    #expect(output.status == 0)
}

@Test func checkNamesFileLineColumnCardAndFixForAMisspeltFieldAndAMissingComma() throws {
    let directory = try CheckProcess.temporaryDirectory()
    defer { CheckProcess.removeTemporaryDirectory(directory) }
    let deck = """
        {
          "format": 1,
          "id": "new",
          "title": "My first deck",
          "description": "Written by hand.",
          "sources": [],
          "cards": [
            {"id": "ruth", "type": "typed", "prompt": "Who wanted to work in an office?", "anwsers": ["Ruth"]},
            {"id": "tommy", "type": "basic", "front": "Who drew animals?"
             "back": "Tommy"}
          ]
        }
        """
    try deck.write(to: directory.appendingPathComponent("new.json"), atomically: true, encoding: .utf8)
    let output = try CheckProcess.run(["check", "new.json"], in: directory)
    #expect(
        output.stdout == """
            new.json:8:83: error: card "ruth": unknown field "anwsers" (did you mean "answers"?)
            new.json:9:66: error: card "tommy": missing ',' between object members (add a ',' here)
            1 deck, 2 cards, 2 errors

            """)
    #expect(output.status == 1)
}

@Test func checkReportsEveryFileAndKeepsGoingAfterABrokenOne() throws {
    let directory = try CheckProcess.temporaryDirectory()
    defer { CheckProcess.removeTemporaryDirectory(directory) }
    try "{\"format\": 1,".write(
        to: directory.appendingPathComponent("a-broken.json"), atomically: true, encoding: .utf8)
    try CheckProcess.writeDeck(id: "fine", title: "Fine", cards: 2, to: directory.appendingPathComponent("b-fine.json"))
    try CheckProcess.writeDeck(
        id: "fine", title: "Again", cards: 1, to: directory.appendingPathComponent("c-again.json"))
    try "{}".write(to: directory.appendingPathComponent("schema.json"), atomically: true, encoding: .utf8)
    let output = try CheckProcess.run(["check", ".", "missing.json"], in: directory)
    #expect(
        output.stdout == """
            missing.json: error: no such file or directory
            a-broken.json:1:14: error: unexpected end of file: expected a field name or '}'
            c-again.json:1:21: error: duplicate deck id "fine": b-fine.json already defines it (this file is skipped)
            3 decks, 3 cards, 3 errors

            """)
    #expect(output.status == 1)
}

@Test func checkAgreesWithTheSchemaOnTheSchemaExamples() throws {
    let examples = CheckProcess.repository.appendingPathComponent("Tests/DecksTests/Fixtures/schema-examples")
    let data = try Data(contentsOf: examples.appendingPathComponent("verdicts.json"))
    let verdicts = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    #expect(verdicts.count >= 10)
    for (name, verdict) in verdicts {
        let output = try CheckProcess.run(["check", examples.appendingPathComponent(name).path])
        #expect(output.status == (verdict == "valid" ? 0 : 1), "\(name): \(output.stdout)")
    }
}

@Test func checkHelpDescribesTheOutput() throws {
    let output = try CheckProcess.run(["check", "--help"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("FILE:LINE:COLUMN: error: card \"ID\": message"))
    #expect(output.stdout.contains("--decks <dir>"))
}

@Test func checkUsageErrorsAreNotChecks() throws {
    let output = try CheckProcess.run(["check", "--no-such-option"])
    #expect(output.status == 2)
    #expect(output.stdout == "")
    #expect(output.stderr.hasPrefix("error: unknown option '--no-such-option'\nusage: recall check "))
}

@Test func checkJSONIsForScriptsAndEditors() throws {
    let directory = try CheckProcess.temporaryDirectory()
    defer { CheckProcess.removeTemporaryDirectory(directory) }
    try
        "{\"format\": 1, \"id\": \"x\", \"title\": \"T\", \"description\": \"D\", \"sources\": [], \"cards\": [{\"id\": \"a\", \"type\": \"cloze\", \"text\": \"none\"}], \"colour\": 1}"
        .write(to: directory.appendingPathComponent("x.json"), atomically: true, encoding: .utf8)
    let output = try CheckProcess.run(["check", "--json", "x.json"], in: directory)
    #expect(output.status == 1)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(report["decks"] as? Int == 1)
    #expect(report["cards"] as? Int == 1)
    #expect(report["errors"] as? Int == 2)
    let problems = try #require(report["problems"] as? [[String: Any]])
    #expect(problems.map { $0["card"] as? String } == ["a", nil])
    #expect(problems.map { $0["line"] as? Int } == [1, 1])
    #expect(problems.map { $0["column"] as? Int } == [122, 132])
    #expect(
        problems.map { $0["message"] as? String } == [
            "cloze text has no deletion (mark the hidden part as {{c1::answer}})", "unknown field \"colour\"",
        ])
    #expect(problems.allSatisfy { $0["file"] as? String == "x.json" })
}

// F4/F6 (issue 16): invisible characters in choices are errors shown escaped; elsewhere
// they are warnings, which print as "warning:" and do not fail `check`.
@Test func checkRejectsInvisibleCharactersInChoicesAndWarnsElsewhere() throws {
    let directory = try CheckProcess.temporaryDirectory()
    defer { CheckProcess.removeTemporaryDirectory(directory) }
    let deck = #"""
        {"format": 1, "id": "d", "title": "T", "description": "D", "sources": [], "cards": [
          {"id": "a", "type": "choice", "prompt": "Who?\u200b", "choices": ["\u202eTommy", "Tommy"], "answer": "Tommy"}
        ]}
        """#
    try deck.write(to: directory.appendingPathComponent("d.json"), atomically: true, encoding: .utf8)
    let output = try CheckProcess.run(["check", "d.json"], in: directory)
    #expect(
        output.stdout == #"""
            d.json:2:43: warning: card "a": "prompt" contains the invisible character U+200B (zero width space), which can make text read differently from what it is
            d.json:2:69: error: card "a": "choices" entry 1 contains the invisible character U+202E (a bidirectional control): answers and choices must look like what they are
            1 deck, 1 card, 1 error, 1 warning

            """#)
    #expect(output.status == 1)
    let warningOnly = deck.replacingOccurrences(of: #""\u202eTommy""#, with: #""Ruth""#)
    try warningOnly.write(to: directory.appendingPathComponent("d.json"), atomically: true, encoding: .utf8)
    let warned = try CheckProcess.run(["check", "d.json"], in: directory)
    #expect(warned.stdout.hasSuffix("1 deck, 1 card, 0 errors, 1 warning\n"))
    #expect(warned.status == 0)
}
