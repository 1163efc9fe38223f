import Foundation
import Testing

@testable import Anki

/// `cards.data`: the fast reading of Anki's usual flat object agrees with JSONSerialization.
struct CardDataTests {
    @Test func readsAnkisMemoryState() {
        let data = CardData(#"{"s":12.3456,"d":5.4321,"dr":0.9,"lrt":1700000000}"#)
        #expect(data.stability == 12.3456)
        #expect(data.difficulty == 5.4321)
        #expect(data.desiredRetention == 0.9)
        #expect(data.lastReview == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test(arguments: [
        #"{"s":1,"d":2}"#, #" { "s" : -0.5e2 , "d" : 0 } "#, #"{"s":1.5E-3,"pos":7,"d":3}"#, #"{}"#, "",
        #"{"s":"1","d":2}"#, #"{"s":1,"d":{"x":1}}"#, #"{"s":01}"#, #"{"s":1.}"#, #"{"s":+1}"#, #"{"s":1,}"#,
        #"{"s":1"#, #"{"s":1}x"#, #"{"s\u0041":1}"#, #"{"s":1e999}"#, #"{"s":1,"s":2}"#, #"[1,2]"#, #"{"s":NaN}"#,
        #"{"s":-,"d":1}"#, #"{"cd":"{\"a\":1}","s":4,"d":5}"#,
    ])
    func agreesWithJSONSerialization(_ text: String) {
        let fast = CardData(text)
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        #expect(fast.stability == (object?["s"] as? NSNumber)?.doubleValue)
        #expect(fast.difficulty == (object?["d"] as? NSNumber)?.doubleValue)
        #expect(fast.desiredRetention == (object?["dr"] as? NSNumber)?.doubleValue)
    }

    @Test func takesTheFastPathOnlyForFlatNumbers() {
        #expect(CardData.numberMembers(#"{"s":1,"d":2.5}"#)?.map(\.key) == ["s", "d"])
        #expect(CardData.numberMembers(#"{"s":"1"}"#) == nil)
        #expect(CardData.numberMembers(#"{"s":1,"d":[2]}"#) == nil)
        #expect(CardData.numberMembers(#"{"s\"":1}"#) == nil)
    }
}
