import Foundation
import Progress
import Scheduling
import Testing

@testable import Anki

@Suite("Anki import: review log and schedule")
struct HistoryMappingTests {
    let fsrs = AnkiImportPlan.defaultScheduler
    let created: Int64 = 1_790_000_000
    let item = ItemRef(deckID: "d", key: "c")

    func card(type: Int, queue: Int, due: Int64, interval: Int = 0, left: Int = 0, data: String = "") -> AnkiCard {
        AnkiCard(
            id: 7, noteID: 1, deckID: 1, ord: 0, type: type, queue: queue, due: due, interval: interval, factor: 2500,
            reps: 3, lapses: 1, left: left, originalDue: 0, originalDeckID: 0, data: data)
    }

    @Test("ease 1 to 4 become reviews with time and duration; manual and reschedule rows are skipped and counted")
    func revlog() {
        let base: Int64 = (created + 86_400) * 1000
        let rows = [
            AnkiRevlogEntry(id: base, cardID: 7, ease: 3, interval: -600, milliseconds: 5_000, type: 0),
            AnkiRevlogEntry(id: base + 600_000, cardID: 7, ease: 3, interval: 1, milliseconds: 4_000, type: 0),
            AnkiRevlogEntry(id: base + 700_000, cardID: 7, ease: 0, interval: 5, milliseconds: 0, type: 4),
            AnkiRevlogEntry(id: base + 800_000, cardID: 7, ease: 0, interval: 9, milliseconds: 0, type: 5),
            AnkiRevlogEntry(
                id: base + 86_400_000 * 3, cardID: 7, ease: 1, interval: -600, milliseconds: 9_000, type: 1),
        ]
        let progress = HistoryMapping.map(
            card(type: 3, queue: 1, due: created + 5 * 86_400, left: 1), revlog: rows[...], item: item,
            created: created,
            scheduler: fsrs, now: Date())
        #expect(progress.reviews.map(\.rating) == [.good, .good, .again])
        #expect(
            progress.reviews.map { $0.time.timeIntervalSince1970 } == [
                Double(base) / 1000, Double(base + 600_000) / 1000, Double(base + 86_400_000 * 3) / 1000,
            ])
        #expect(progress.reviews.map(\.durationMilliseconds) == [5_000, 4_000, 9_000])
        #expect(progress.reviews.allSatisfy { $0.kind == .study })
        #expect(progress.reviews[1].before == progress.reviews[0].after)
        #expect(progress.skippedRows == 2)
        // Anki's state wins: relearning, due at its timestamp, memory from the replay.
        #expect(progress.state.phase == .relearning)
        #expect(progress.state.due == Date(timeIntervalSince1970: Double(created + 5 * 86_400)))
        #expect(progress.state.step == 0)
        #expect(progress.state.stability == progress.reviews.last?.after?.stability)
        #expect(progress.state.reps == 3)
        #expect(progress.state.lapses == 1)
    }

    @Test("review cards: due day from the collection's creation, memory state from cards.data")
    func reviewCard() {
        let data = "{\"s\":12.5,\"d\":6.25,\"dr\":0.9,\"lrt\":1790100000}"
        let progress = HistoryMapping.map(
            card(type: 2, queue: -1, due: 40, interval: 12, data: data), revlog: [], item: item, created: created,
            scheduler: fsrs, now: Date())
        #expect(progress.state.phase == .review)
        #expect(progress.state.due == Date(timeIntervalSince1970: Double(created + 40 * 86_400)))
        #expect(progress.state.stability == 12.5)
        #expect(progress.state.difficulty == 6.25)
        #expect(progress.state.lastReview == Date(timeIntervalSince1970: 1_790_100_000))
        #expect(progress.suspended)
    }

    @Test("a review card without history or memory state gets its interval as stability")
    func estimated() {
        let progress = HistoryMapping.map(
            card(type: 2, queue: 2, due: 10, interval: 30), revlog: [], item: item, created: created, scheduler: fsrs,
            now: Date())
        #expect(progress.state.stability == 30)
        #expect(progress.state.lastReview == Date(timeIntervalSince1970: Double(created + 10 * 86_400 - 30 * 86_400)))
    }

    @Test("new cards stay new; learning cards keep their step")
    func newAndLearning() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let new = HistoryMapping.map(
            card(type: 0, queue: 0, due: 3), revlog: [], item: item, created: created, scheduler: fsrs, now: now)
        #expect(new.state.phase == .new)
        #expect(new.state.due == now)
        #expect(new.state.stability == nil)
        let learning = HistoryMapping.map(
            card(type: 1, queue: 1, due: 1_790_000_600, left: 1), revlog: [], item: item, created: created,
            scheduler: fsrs, now: now)
        #expect(learning.state.phase == .learning)
        #expect(learning.state.step == 1)  // 2 steps, 1 left
        #expect(learning.state.due == Date(timeIntervalSince1970: 1_790_000_600))
    }

    @Test(
        "schedule (what the plan uses) gives map's state, suspension and counts for every fixture card",
        arguments: ["latest.apkg", "legacy.apkg", "genanki.apkg", "collection.colpkg"])
    func scheduleAgreesWithMap(_ name: String) throws {
        let (collection, package) = try AnkiImporter.open(fixture(name), limits: AnkiPackageLimits())
        defer { package?.close() }
        var compared = 0
        for card in collection.cards {
            let rows = collection.revlog.filter { $0.cardID == card.id }
            for data in [card.data, ""] {  // with Anki's memory state, and estimated from the history
                var card = card
                card.data = data
                let mapped = HistoryMapping.map(
                    card, revlog: rows[...], item: item, created: collection.created, scheduler: fsrs,
                    now: Date(
                        timeIntervalSince1970: 1_800_000_000))
                let scheduled = HistoryMapping.schedule(
                    card, revlog: rows[...], created: collection.created, scheduler: fsrs,
                    now: Date(timeIntervalSince1970: 1_800_000_000))
                #expect(scheduled.state == mapped.state)
                #expect(scheduled.suspended == mapped.suspended)
                #expect(scheduled.skippedRows == mapped.skippedRows)
                #expect(scheduled.answerCount == mapped.reviews.count)
                #expect(scheduled.reviews.isEmpty)
                compared += 1
            }
        }
        #expect(compared > 0)
    }

    @Test("the review log comes grouped by card, in time order within each card")
    func revlogOrder() throws {
        let (collection, package) = try AnkiImporter.open(fixture("latest.apkg"), limits: AnkiPackageLimits())
        defer { package?.close() }
        #expect(!collection.revlog.isEmpty)
        var seen = Set<Int64>()
        var previous: AnkiRevlogEntry?
        for row in collection.revlog {
            if let previous, previous.cardID == row.cardID {
                #expect(previous.id < row.id)
            } else {
                #expect(seen.insert(row.cardID).inserted)
            }
            previous = row
        }
    }
}
