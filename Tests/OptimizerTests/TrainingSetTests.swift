import Foundation
import Replay
import Scheduling
import Testing

@testable import Optimizer

@Suite struct TrainingSetTests {
    static let utc = OptimizerFixtures.utc
    /// Microseconds for a UTC date and time.
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Int64 {
        // 2024-01-01T00:00Z is 1 704 067 200 s after 1970.
        (1_704_067_200 + Int64(day) * 86_400 + Int64(hour) * 3_600 + Int64(minute) * 60) * 1_000_000
    }

    @Test func deltaCountsStudyDaysWithTheRollover() {
        var clock = StudyDayClock(timeZone: Self.utc, rolloverHour: 4)
        #expect(clock.day(ofMicroseconds: Self.at(0, 3, 59)) == clock.day(ofMicroseconds: Self.at(-1, 4)))
        #expect(clock.day(ofMicroseconds: Self.at(0, 4)) == clock.day(ofMicroseconds: Self.at(-1, 4)) + 1)
        #expect(clock.day(ofMicroseconds: Self.at(1, 2)) == clock.day(ofMicroseconds: Self.at(0, 23)))
    }

    @Test func daysAreLocalToTheTimeZone() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        var clock = StudyDayClock(timeZone: tokyo, rolloverHour: 4)
        var utcClock = StudyDayClock(timeZone: Self.utc, rolloverHour: 4)
        // 18:00 and 20:00 UTC are 03:00 and 05:00 in Tokyo: on either side of the rollover.
        #expect(clock.day(ofMicroseconds: Self.at(0, 20)) == clock.day(ofMicroseconds: Self.at(0, 18)) + 1)
        #expect(utcClock.day(ofMicroseconds: Self.at(0, 20)) == utcClock.day(ofMicroseconds: Self.at(0, 18)))
    }

    @Test func daylightSavingChangesDoNotShiftDays() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        var clock = StudyDayClock(timeZone: newYork, rolloverHour: 4)
        // 2024-03-10 is the spring change in New York: 09:00 local on the 9th and on the 10th are
        // 14:00 and 13:00 UTC, one study day apart.
        #expect(clock.day(ofMicroseconds: Self.at(69, 13)) == clock.day(ofMicroseconds: Self.at(68, 14)) + 1)
    }

    static func review(_ card: Int32, _ time: Int64, _ rating: Rating, new: Bool = false) -> HistoryReview {
        HistoryReview(card: card, time: time, rating: rating, startsLearning: new)
    }

    @Test func oneItemPerReviewOnALaterDayOrderedByTime() {
        let reviews = [
            Self.review(1, Self.at(0, 9), .good, new: true),
            Self.review(0, Self.at(0, 10), .again, new: true),
            Self.review(0, Self.at(0, 10, 10), .good),
            Self.review(0, Self.at(2, 9), .good),
            Self.review(1, Self.at(1, 8), .hard),
            Self.review(0, Self.at(2, 23), .easy),  // same day: no item
            Self.review(0, Self.at(3, 3), .again),  // before 04:00: still the same study day
            Self.review(0, Self.at(9, 12), .good),
        ]
        let set = TrainingSet(reviews: reviews, cardCount: 2, clock: StudyDayClock(timeZone: Self.utc))
        #expect(set.reviewCount == 8)
        #expect(set.items.count == 3)
        #expect(set.reviews(of: set.items[0]).map { [$0.delta, Int32($0.rating)] } == [[0, 3], [1, 2]])
        #expect(set.reviews(of: set.items[1]).map { [$0.delta, Int32($0.rating)] } == [[0, 1], [0, 3], [2, 3]])
        #expect(
            set.reviews(of: set.items[2]).map { [$0.delta, Int32($0.rating)] }
                == [[0, 1], [0, 3], [2, 3], [0, 4], [0, 1], [7, 3]])
    }

    @Test func cardsAreCutToTheirLastLearningStart() {
        let reviews = [
            Self.review(0, Self.at(0, 9), .good, new: true),
            Self.review(0, Self.at(3, 9), .good),
            Self.review(0, Self.at(5, 9), .again, new: true),  // answered after a reset
            Self.review(0, Self.at(6, 9), .good),
            Self.review(1, Self.at(0, 9), .good),  // never started learning: left out
            Self.review(1, Self.at(4, 9), .good),
        ]
        let set = TrainingSet(reviews: reviews, cardCount: 2, clock: StudyDayClock(timeZone: Self.utc))
        #expect(set.reviewCount == 2)
        #expect(set.items.count == 1)
        #expect(set.reviews(of: set.items[0]).map { [$0.delta, Int32($0.rating)] } == [[0, 1], [1, 3]])
    }

    @Test func csvHistoriesStartEachCardAtItsEarliestReview() throws {
        let csv = """
            card_id,review_time,rating
            a,2024-01-05T09:00:00Z,3
            a,2024-01-01T09:00:00Z,1
            b,2024-01-01T09:00:00Z,3
            a,2024-01-02T09:00:00Z,3

            """
        let history = try ReviewHistory(csv: Array(csv.utf8), file: "h.csv")
        let set = TrainingSet(history: history, clock: StudyDayClock(timeZone: Self.utc))
        #expect(set.items.map { set.reviews(of: $0).map(\.delta) } == [[0, 1], [0, 1, 3]])
    }
}
