import Foundation
import Progress
import Testing

@testable import DeviceSync

@Suite struct JournalFormatTests {
    func parse(_ line: String) throws(JournalLineError) -> JournalEvent {
        var bytes = Array(line.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(JournalLineError) in
            try JournalFormat.event(UnsafeBufferPointer(buffer))
        }
    }

    @Test func reviewLinesRoundTripExactly() throws {
        let event = JournalEvent(
            id: JournalEventID(device: "0a1b2c3d4e5f6071", sequence: 42),
            body: .review(
                JournalReview(
                    deckID: "plot", itemKey: "ruth \"quoted\"\n\u{1B}[31m#reverse ✓", time: 1_795_255_200_123,
                    rating: 3,
                    durationMilliseconds: nil, kind: .practice)))
        let line = JournalFormat.line(event)
        #expect(!line.contains("\n"))
        #expect(!line.contains("\u{1B}"))
        #expect(
            line.hasPrefix(
                #"{"device":"0a1b2c3d4e5f6071","seq":42,"type":"review","deck":"plot","item":"ruth \"quoted\"\n\u001b[31m#reverse ✓""#
            ))
        #expect(try parse(line) == event)
    }

    @Test func undoAndSettingsLinesRoundTrip() throws {
        let undo = JournalEvent(
            id: JournalEventID(device: "d1", sequence: 7),
            body: .undo(of: JournalEventID(device: "d2", sequence: 3), time: 5))
        #expect(try parse(JournalFormat.line(undo)) == undo)
        let settings = JournalEvent(
            id: JournalEventID(device: "d1", sequence: 8),
            body: .settings(deckID: "plot", time: 9, settings: SyncLedger.json(DeckSettings(newCardsPerDay: 5))))
        let line = JournalFormat.line(settings)
        #expect(try parse(line) == settings)
        let reset = JournalEvent(
            id: JournalEventID(device: "d1", sequence: 9), body: .settings(deckID: "plot", time: 10, settings: nil))
        #expect(try parse(JournalFormat.line(reset)) == reset)
    }

    @Test func escapesAndUnknownFieldsAreRead() throws {
        let event = try parse(
            #"{ "device": "d1", "seq": 1, "type": "review", "deck": "d\u00e9ck", "item": "\ud83d\ude00", "time": 5, "kind": "study", "rating": 4, "duration": 12, "future": {"a": [1, "}"]} }"#
        )
        guard case .review(let review) = event.body else {
            Issue.record("not a review")
            return
        }
        #expect(review.deckID == "déck")
        #expect(review.itemKey == "😀")
        #expect(review.durationMilliseconds == 12)
    }

    @Test(arguments: [
        ("", "not a journal event (expected a JSON object)"),
        ("[1]", "not a journal event (expected a JSON object)"),
        (
            #"{"device":"d1","seq":1,"type":"review","deck":"p","item":"k","time":5,"kind":"study","rating":9,"duration":null}"#,
            #"field "rating": expected 1 to 4"#
        ),
        (
            #"{"device":"d1","seq":0,"type":"undo","time":5,"undoes_device":"d2","undoes_seq":1}"#,
            #"field "seq": out of range"#
        ),
        (
            #"{"device":"../x","seq":1,"type":"undo","time":5,"undoes_device":"d2","undoes_seq":1}"#,
            #"field "device": not a device id"#
        ),
        (
            #"{"device":"d1","seq":1,"type":"review","deck":"p","item":"k","time":5.5,"kind":"study","rating":3}"#,
            "not a journal event (expected a whole number)"
        ),
        (
            #"{"device":"d1","seq":1,"type":"review","deck":"p","item":"k","time":5,"kind":"manual","rating":3}"#,
            #"field "kind": expected "study" or "practice""#
        ),
        (#"{"device":"d1","seq":1,"type":"teleport"}"#, #"field "type": unknown event type"#),
        (
            #"{"device":"d1","seq":1,"type":"review","deck":"p","item":"k","time":5,"kind":"study","rating":3"#,
            "not a journal event (unterminated object)"
        ),
        (
            #"{"device":"d1","seq":1,"type":"review","item":"k","time":5,"kind":"study","rating":3}"#,
            #"missing or mistyped field "deck""#
        ),
    ])
    func badLinesSayWhy(line: String, message: String) {
        #expect(throws: JournalLineError.self) { try parse(line) }
        do {
            _ = try parse(line)
        } catch {
            #expect(error.description == message)
        }
    }
}
