import Testing

@testable import Decks

@Test func clozeParsesDeletionsHintsAndPlainText() throws {
    let cloze = try ClozeText(parsing: "{{c1::Kathy}} was a carer at {{c2::Hailsham::a school}}.")
    #expect(cloze.numbers == [1, 2])
    #expect(
        cloze.deletions == [
            ClozeDeletion(number: 1, answer: "Kathy"),
            ClozeDeletion(number: 2, answer: "Hailsham", hint: "a school"),
        ])
    #expect(cloze.question(for: 1) == "[...] was a carer at Hailsham.")
    #expect(cloze.question(for: 2) == "Kathy was a carer at [a school].")
    #expect(cloze.answers(for: 2) == ["Hailsham"])
    #expect(cloze.fullText == "Kathy was a carer at Hailsham.")
}

@Test func clozeWithTheSameNumberTwiceAsksBothAtOnce() throws {
    let cloze = try ClozeText(parsing: "{{c2::Ruth}} and {{c1::Tommy}} and {{c2::Kathy}}")
    #expect(cloze.numbers == [1, 2])
    #expect(cloze.question(for: 2) == "[...] and Tommy and [...]")
    #expect(cloze.answers(for: 2) == ["Ruth", "Kathy"])
    #expect(cloze.answerText(for: 2) == "Ruth, Kathy")
}

@Test func clozeSyntaxErrorsHaveExactMessages() {
    func message(_ text: String) -> String? {
        do throws(ClozeSyntaxError) {
            _ = try ClozeText(parsing: text)
            return nil
        } catch {
            return error.description
        }
    }
    #expect(message("no deletion here") == "cloze text has no deletion (mark the hidden part as {{c1::answer}})")
    #expect(
        message("a {{c1:Ruth}} b")
            == "malformed cloze deletion \"{{c1:Ruth}} b\": write {{c1::answer}} or {{c1::answer::hint}}")
    #expect(message("{{c0::Ruth}}") == "cloze deletion \"{{c0::Ruth}}\" is numbered 0: numbers start at c1")
    #expect(message("{{c1::Ruth") == "cloze deletion \"{{c1::Ruth\" is not closed with \"}}\"")
    #expect(
        message("{{c1::a {{c2::b}} }}")
            == "cloze deletion \"{{c1::a {{c2::b}} }}\" contains another \"{{\": deletions cannot nest")
    #expect(message("{{c1::a}} b}}") == "cloze text has \"}}\" outside a deletion")
    #expect(message("{{c1:: }}") == "cloze deletion \"{{c1:: }}\" has an empty answer")
    #expect(message("{{c1::a::}}") == "cloze deletion \"{{c1::a::}}\" has an empty hint (leave out \"::\" for no hint)")
}
