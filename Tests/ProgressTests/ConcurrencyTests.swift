import Foundation
import Scheduling
import Testing

@testable import Progress

@Suite struct ConcurrencyTests {
    @Test func twoConnectionsWritingAtOnceBothSucceed() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("progress.sqlite")
        let setup = try ProgressStore(path: path, dayRollover: utcRollover)
        try register(setup, deckID: "plot", keys: ["a"])
        try register(setup, deckID: "cast", keys: ["b"])
        let perWriter = 150
        try await withThrowingTaskGroup(of: Void.self) { group in
            for deckID in ["plot", "cast"] {
                group.addTask {
                    // Each task has its own connection, as two recall processes would.
                    let store = try ProgressStore(path: path, dayRollover: utcRollover)
                    let ref = ItemRef(deckID: deckID, key: deckID == "plot" ? "a" : "b")
                    for index in 0..<perWriter {
                        let before = try #require(try store.item(ref)).state
                        var after = reviewState(due: at(hours: Double(index)))
                        after.reps = before.reps + 1
                        try store.record(
                            .study(ref, rating: .good, at: at(hours: Double(index)), before: before, after: after))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try setup.reviewCount() == 2 * perWriter)
        #expect(try setup.item(ItemRef(deckID: "plot", key: "a"))?.state.reps == perWriter)
        #expect(try setup.item(ItemRef(deckID: "cast", key: "b"))?.state.reps == perWriter)
    }

    @Test func connectionsCreatingTheSameStoreAtOnceAllSucceed() async throws {
        let directory = try TemporaryDirectory()
        for round in 0..<20 {
            let path = directory.path("store-\(round).sqlite")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for deckID in ["plot", "cast", "themes"] {
                    group.addTask {
                        let store = try ProgressStore(path: path, dayRollover: utcRollover)
                        try register(store, deckID: deckID, keys: ["a"])
                    }
                }
                group.addTask {
                    // A reader arriving mid-creation sees no store yet, or a complete one.
                    do {
                        _ = try ProgressStore(path: path, access: .readOnly).deckIDs()
                    } catch ProgressError.notFound {}
                }
                try await group.waitForAll()
            }
            #expect(try ProgressStore(path: path, access: .readOnly).deckIDs() == ["cast", "plot", "themes"])
        }
    }
}
