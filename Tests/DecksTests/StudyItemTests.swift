import Testing

@testable import Decks

@Test func studyItemKeysAreStable() {
    #expect(StudyItem(deckID: "d", cardID: "ruth", variant: .forward).key == "ruth")
    #expect(StudyItem(deckID: "d", cardID: "ruth", variant: .reverse).key == "ruth#reverse")
    #expect(StudyItem(deckID: "d", cardID: "ruth", variant: .cloze(2)).key == "ruth#c2")
}
