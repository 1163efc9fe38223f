import Decks
import Foundation
import Scheduling
import Testing

@testable import Progress

@Suite struct SyncTests {
    @Test func syncAddsEditsOrphansAndRestores() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let first = try store.sync(
            deckID: "plot",
            items: [
                SyncItem(key: "a", cardID: "a", contentHash: "1"), SyncItem(key: "b", cardID: "b", contentHash: "1"),
                SyncItem(key: "c#c1", cardID: "c", contentHash: "1"),
                SyncItem(key: "c#c2", cardID: "c", contentHash: "1"),
            ], at: t0)
        #expect(first == SyncReport(added: ["a", "b", "c#c1", "c#c2"]))
        #expect(
            try store.sync(
                deckID: "plot",
                items: [
                    SyncItem(key: "a", cardID: "a", contentHash: "1"),
                    SyncItem(key: "b", cardID: "b", contentHash: "1"),
                    SyncItem(key: "c#c1", cardID: "c", contentHash: "1"),
                    SyncItem(key: "c#c2", cardID: "c", contentHash: "1"),
                ], at: t0
            ).isEmpty)

        // Study "a" and "b", then edit "a" and delete "b" and the c2 deletion from the deck.
        let a = ItemRef(deckID: "plot", key: "a")
        let b = ItemRef(deckID: "plot", key: "b")
        try answerNew(store, a, at: at(hours: 1))
        try answerNew(store, b, at: at(hours: 1))
        let aState = try #require(try store.item(a)).state
        let second = try store.sync(
            deckID: "plot",
            items: [
                SyncItem(key: "a", cardID: "a", contentHash: "2"), SyncItem(key: "c#c1", cardID: "c", contentHash: "2"),
            ],
            at: at(hours: 2))
        #expect(second == SyncReport(edited: ["a", "c#c1"], orphaned: ["b", "c#c2"]))
        #expect(try store.item(a)?.state == aState)
        #expect(try store.item(a)?.contentHash == "2")
        #expect(try store.item(b)?.orphanedAt == at(hours: 2))

        let orphans = try store.orphans()
        #expect(orphans.map(\.ref.key) == ["b", "c#c2"])
        #expect(orphans.map(\.reviewCount) == [1, 0])
        #expect(orphans.first?.state.phase == .learning)
        #expect(try store.reviewCount() == 2)
        #expect(try store.queue(now: at(hours: 3)).learning.map(\.ref.key) == ["a"])

        let third = try store.sync(
            deckID: "plot",
            items: [
                SyncItem(key: "b", cardID: "b", contentHash: "1"), SyncItem(key: "a", cardID: "a", contentHash: "2"),
                SyncItem(key: "c#c1", cardID: "c", contentHash: "2"),
            ],
            at: at(hours: 4))
        #expect(third == SyncReport(restored: ["b"]))
        #expect(try store.orphans().map(\.ref.key) == ["c#c2"])
        #expect(try store.item(b)?.state.phase == .learning)
        #expect(try store.item(b)?.orphanedAt == nil)
    }

    @Test func syncingADeckRegistersEveryStudyItemWithItsCardsHash() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let deck = Deck(
            id: "themes", title: "Themes", description: "",
            cards: [
                Card(id: "memory", content: .basic(front: "Q", back: "A", reverse: true)),
                Card(id: "cloze", content: .cloze(text: "{{c1::Kathy}} is a {{c2::carer}}")),
            ])
        let report = try store.sync(deck, at: t0)
        #expect(report.added == ["memory", "memory#reverse", "cloze#c1", "cloze#c2"])
        #expect(try store.item(ItemRef(deckID: "themes", key: "cloze#c2"))?.contentHash == deck.cards[1].contentHash)
        #expect(try store.queue(now: t0).new.map(\.ref.key) == ["memory", "memory#reverse", "cloze#c1", "cloze#c2"])
    }

    @Test func syncingAnUnchangedDeckWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let items = [
            SyncItem(key: "a", cardID: "a", contentHash: "1"), SyncItem(key: "b", cardID: "b", contentHash: "1"),
        ]
        do { try openStore(directory).sync(deckID: "plot", items: items, at: t0) }
        // A read-only store cannot be written to, so a sync that succeeds there wrote nothing.
        let readOnly = try ProgressStore(
            path: directory.path("progress.sqlite"), access: .readOnly, dayRollover: utcRollover)
        #expect(try readOnly.sync(deckID: "plot", items: items, at: at(hours: 1)).isEmpty)
        #expect(throws: ProgressError.self) {
            try readOnly.sync(deckID: "plot", items: Array(items.reversed()), at: at(hours: 1))
        }
        #expect(throws: ProgressError.self) { try readOnly.sync(deckID: "cast", items: [], at: at(hours: 1)) }
    }
}
