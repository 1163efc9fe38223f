import Testing

@testable import Decks

/// A small valid deck with one card of every type.
let validDeckJSON = """
    {
      "format": 1,
      "id": "sample",
      "title": "Sample",
      "description": "One card of every type.",
      "tags": ["test"],
      "sources": [{"id": "novel", "title": "Never Let Me Go", "author": "Kazuo Ishiguro"}],
      "cards": [
        {"id": "b", "type": "basic", "front": "Narrator?", "back": "Kathy H.", "reverse": true, "source": "novel", "location": "p. 3"},
        {"id": "t", "type": "typed", "prompt": "School?", "answers": ["Hailsham"]},
        {"id": "c", "type": "choice", "prompt": "Who?", "choices": ["Ruth", "Tommy"], "answer": "Ruth"},
        {"id": "tf", "type": "truefalse", "statement": "Kathy is a carer.", "answer": true},
        {"id": "z", "type": "cloze", "text": "{{c1::Kathy}} and {{c2::Tommy::a boy}}", "hint": "names", "explanation": "Line one\\nline two"}
      ]
    }
    """

@Test func loadsAValidDeckWithEveryCardType() throws {
    let result = DeckLoader.load(json: validDeckJSON, file: "sample.json")
    #expect(result.problems.map(\.description) == [])
    let deck = try #require(result.deck)
    #expect(deck.id == "sample")
    #expect(deck.sources == [Source(id: "novel", title: "Never Let Me Go", author: "Kazuo Ishiguro")])
    #expect(
        deck.cards.map(\.content) == [
            .basic(front: "Narrator?", back: "Kathy H.", reverse: true),
            .typed(prompt: "School?", answers: ["Hailsham"]),
            .choice(prompt: "Who?", choices: ["Ruth", "Tommy"], answer: "Ruth"),
            .trueFalse(statement: "Kathy is a carer.", answer: true),
            .cloze(text: "{{c1::Kathy}} and {{c2::Tommy::a boy}}"),
        ])
    #expect(deck.cards[0].source == "novel")
    #expect(deck.cards[0].location == "p. 3")
    #expect(deck.cards[4].explanation == "Line one\nline two")
    #expect(deck.studyItems.count == 7)
    #expect(result.cardCount == 5)
    #expect(deck.file == "sample.json")
}
