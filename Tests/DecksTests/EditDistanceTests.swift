import Testing
@testable import Decks

@Test func editDistanceCountsSwapsAsOneEdit() {
    #expect(EditDistance.distance("titel", "title") == 1)
    #expect(EditDistance.distance("anwser", "answer") == 1)
    #expect(EditDistance.distance("Front", "front") == 0)
    #expect(EditDistance.distance("", "abc") == 3)
    #expect(EditDistance.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(EditDistance.distance(Array("ab"), Array("ba")) == 1)
    #expect(EditDistance.distance(Array("Hialsham"), Array("Hailsham")) == 1)
}

@Test func suggestionsOnlyForLikelyTypos() {
    let fields = ["front", "back", "reverse", "id", "type"]
    #expect(EditDistance.suggestion(for: "fornt", among: fields) == "front")
    #expect(EditDistance.suggestion(for: "bak", among: fields) == "back")
    #expect(EditDistance.suggestion(for: "colour", among: fields) == nil)
    #expect(EditDistance.suggestion(for: "x", among: fields) == nil)
    #expect(EditDistance.suggestion(for: "ID", among: fields) == "id")
}
