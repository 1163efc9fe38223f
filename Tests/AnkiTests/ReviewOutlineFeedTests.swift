import Foundation
import Progress
import Scheduling
import Testing

@testable import Anki

@Suite("The export's review-log reader thread")
struct ReviewOutlineFeedTests {
    /// A store with `count` study answers of one item, a minute apart.
    static func store(_ folder: TemporaryFolder, count: Int) throws -> ProgressStore {
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        try store.sync(deckID: "d", items: [SyncItem(key: "a", cardID: "a", contentHash: "h")], at: Date())
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let ref = ItemRef(deckID: "d", key: "a")
        let state = CardState.new(due: start)
        try store.record(
            batch: (0..<count).map { index in
                .study(
                    ref, rating: .good, at: start.addingTimeInterval(Double(index) * 60), before: state, after: state)
            })
        return store
    }

    @Test("every answer, in order, in batches")
    func allInOrder() throws {
        let folder = TemporaryFolder()
        let store = try Self.store(folder, count: 23)
        let feed = ReviewOutlineFeed(store, batchSize: 5, maximumQueued: 2)
        defer { feed.stop() }
        var sizes: [Int] = []
        var times: [Date] = []
        while let batch = try feed.next() {
            sizes.append(batch.count)
            times += batch.map(\.time)
        }
        #expect(sizes == [5, 5, 5, 5, 3])
        #expect(times == times.sorted())
        #expect(times.count == 23)
        #expect(try feed.next() == nil)
    }

    @Test("stopping early ends a reader that waits for room, and returns")
    func stopEarly() throws {
        let folder = TemporaryFolder()
        let store = try Self.store(folder, count: 40)
        let feed = ReviewOutlineFeed(store, batchSize: 2, maximumQueued: 1)
        #expect(try feed.next()?.count == 2)
        feed.stop()
        // The store is free again: a write goes through at once.
        try store.suspend(ItemRef(deckID: "d", key: "a"))
        #expect(try store.item(ItemRef(deckID: "d", key: "a"))?.suspended == true)
    }
}
