/// Small decks for the REPL's end-to-end tests, one card of every type.
enum REPLFixtures {
    /// A deck with one card of every type (7 study items: basic + reverse, two cloze deletions).
    static let sampleDeck = """
        {
          "format": 1,
          "id": "sample",
          "title": "Sample",
          "description": "One card of every type.",
          "tags": ["test"],
          "sources": [{"id": "novel", "title": "Never Let Me Go", "author": "Kazuo Ishiguro"}],
          "cards": [
            {"id": "b", "type": "basic", "front": "Who narrates the novel?", "back": "Kathy H.", "reverse": true, "tags": ["people"]},
            {"id": "t", "type": "typed", "prompt": "Which school did Kathy attend?", "answers": ["Hailsham"], "explanation": "Kathy grew up at Hailsham."},
            {"id": "c", "type": "choice", "prompt": "Who is Kathy's closest friend?", "choices": ["Ruth", "Tommy", "Madame"], "answer": "Ruth"},
            {"id": "tf", "type": "truefalse", "statement": "Kathy is a carer.", "answer": true},
            {"id": "z", "type": "cloze", "text": "{{c1::Kathy}} and {{c2::Tommy::a boy}} visit the boat.", "hint": "names"}
          ]
        }
        """
}
