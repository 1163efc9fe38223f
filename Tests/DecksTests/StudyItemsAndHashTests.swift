import Testing

@testable import Decks

@Test func cardsGiveTheirStudyItems() {
    let basic = Card(id: "b", content: .basic(front: "f", back: "k", reverse: true))
    #expect(basic.studyItems(deckID: "d").map(\.key) == ["b", "b#reverse"])
    let oneWay = Card(id: "o", content: .basic(front: "f", back: "k", reverse: false))
    #expect(oneWay.studyItems(deckID: "d").map(\.variant) == [.forward])
    let cloze = Card(id: "c", content: .cloze(text: "{{c3::x}} {{c1::y}} {{c3::z}}"))
    #expect(cloze.studyItems(deckID: "d").map(\.key) == ["c#c1", "c#c3"])
    let truefalse = Card(id: "t", content: .trueFalse(statement: "s", answer: true))
    let deck = Deck(id: "d", title: "T", description: "D", cards: [basic, cloze, truefalse])
    #expect(deck.studyItems.map(\.key) == ["b", "b#reverse", "c#c1", "c#c3", "t"])
    #expect(deck.studyItems.allSatisfy { $0.deckID == "d" })
}

@Test func contentHashIsStableAndCoversOnlyWhatIsAsked() {
    let card = Card(id: "ruth", content: .typed(prompt: "Who?", answers: ["Ruth"]))
    // FNV-1a 64 of "typed\u{1F}Who?\u{1F}1\u{1F}Ruth\u{1F}": fixed forever.
    #expect(card.contentHash == "ed7e360ac4236f1c")
    var hash = FNV1a64()
    hash.combine(Array("a".utf8))
    #expect(hash.hexDigest == "af63dc4c8601ec8c")  // the published FNV-1a 64 vector for "a"
    var renamed = card
    renamed.id = "other"
    renamed.explanation = "because"
    #expect(renamed.contentHash == card.contentHash)
    let edited = Card(id: "ruth", content: .typed(prompt: "Who?", answers: ["Ruth", "R"]))
    #expect(edited.contentHash != card.contentHash)
    let split = Card(id: "x", content: .typed(prompt: "Who?", answers: ["Ru", "th"]))
    #expect(split.contentHash != card.contentHash)
    let oneWay = Card(id: "b", content: .basic(front: "f", back: "b", reverse: false))
    let bothWays = Card(id: "b", content: .basic(front: "f", back: "b", reverse: true))
    #expect(oneWay.contentHash == bothWays.contentHash)
    #expect(Card(id: "b", content: .basic(front: "f", back: "c", reverse: false)).contentHash != oneWay.contentHash)
    // The type is part of it: the same text as another type is another card.
    #expect(
        Card(id: "c", content: .cloze(text: "{{c1::x}}")).contentHash
            != Card(id: "c", content: .basic(front: "{{c1::x}}", back: "", reverse: false)).contentHash)
}
