import Foundation
import Scheduling
import Testing

@testable import Progress

@Suite struct ReviewLogCSVTests {
    @Test func timestampsAreUTCToTheMillisecond() {
        #expect(ReviewLogCSV.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(ReviewLogCSV.timestamp(t0) == "2026-11-21T10:00:00.000Z")
        #expect(ReviewLogCSV.timestamp(Date(timeIntervalSince1970: 1_709_164_799.999)) == "2024-02-28T23:59:59.999Z")
        #expect(ReviewLogCSV.timestamp(Date(timeIntervalSince1970: 1_709_164_800.25)) == "2024-02-29T00:00:00.250Z")
        #expect(ReviewLogCSV.timestamp(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(ReviewLogCSV.timestamp(Date(timeIntervalSince1970: 4_102_444_800)) == "2100-01-01T00:00:00.000Z")
    }

    @Test func aLineHasTheColumnsReplayReads() {
        let review = LoggedReview(
            id: 7, item: ItemRef(deckID: "plot", key: "ruth#c2"), cardID: "ruth", time: t0, rating: .hard,
            kind: .study, durationMilliseconds: 5_120, before: .new(due: t0), after: reviewState(due: t0))
        #expect(ReviewLogCSV.header == "card_id,review_time,rating,deck_id,item_key,kind,duration_ms")
        #expect(ReviewLogCSV.line(for: review) == "plot/ruth#c2,2026-11-21T10:00:00.000Z,2,plot,ruth#c2,study,5120")
        var odd = review
        odd.item = ItemRef(deckID: "d", key: "a,\"b\"")
        odd.durationMilliseconds = nil
        #expect(ReviewLogCSV.line(for: odd) == #""d/a,""b""",2026-11-21T10:00:00.000Z,2,d,"a,""b""",study,"#)
        var manual = review
        manual.rating = nil
        manual.kind = .manual
        #expect(ReviewLogCSV.line(for: manual) == nil)
    }

    @Test func logDatesAreDaysOrMomentsWithOffsets() {
        #expect(LogDate.parse("2026-11-21", calendar: utc) == at(hours: -10))
        var tokyo = Calendar(identifier: .gregorian)
        tokyo.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? tokyo.timeZone
        #expect(LogDate.parse("2026-11-21", calendar: tokyo) == at(hours: -19))
        #expect(LogDate.parse("2026-11-21T10:00:00Z") == t0)
        #expect(LogDate.parse("2026-11-21T12:00:00+02:00") == t0)
        #expect(LogDate.parse("2026-11-21T10:00:00.500Z") == t0.addingTimeInterval(0.5))
        #expect(LogDate.parse("2026-11-21T10:00:00.250+00:00") == t0.addingTimeInterval(0.25))
        for bad in ["2026-02-30", "2026-13-01", "21/11/2026", "yesterday", "", "2026-11-21T10:00:00", "2026-1-21"] {
            #expect(LogDate.parse(bad, calendar: utc) == nil, "\(bad)")
        }
    }
}
