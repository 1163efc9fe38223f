import Foundation
import Progress
import Scheduling
import Testing

@testable import DeviceSync

/// Random study on three simulated devices, synced in random orders, always converges.
@Suite struct ConvergenceTests {
    static let decks = ["plot": ["a", "b", "c", "d", "e"], "themes": ["x", "y", "z"]]

    @Test(arguments: 0..<12)
    func randomStudyOnThreeDevicesConverges(seed: UInt64) throws {
        var random = TestRandom(state: seed &* 7_919 &+ 1)
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let devices = try (0..<3).map { index in
            try SimulatedDevice(path: directory.path("device\(index).sqlite"), decks: Self.decks)
        }
        let ratings: [Rating] = [.again, .hard, .good, .easy]
        for step in 0..<60 {
            let device = devices[Int.random(in: 0..<3, using: &random)]
            // Clocks roughly agree; reviews interleave across devices.
            let time = t0.addingTimeInterval(
                Double(step) * 3_000 + Double(Int.random(in: -2_000...2_000, using: &random)))
            let deck = Bool.random(using: &random) ? "plot" : "themes"
            let key = Self.decks[deck]!.randomElement(using: &random)!
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<11: try device.study(deck, key, ratings.randomElement(using: &random)!, at: time)
            case 11..<13: try device.practice(deck, key, ratings.randomElement(using: &random)!, at: time)
            case 13:
                do { try device.store.undoLast() } catch ProgressError.nothingToUndo {} catch ProgressError.undoConflict
                {}
            case 14:
                let retention = [0.8, 0.85, 0.9, 0.95].randomElement(using: &random)!
                try device.store.saveSettings(
                    DeckSettings(scheduler: SchedulerConfiguration(desiredRetention: retention), newCardsPerDay: step),
                    for: deck)
            default: try device.sync(folder)
            }
        }
        // Everyone syncs until nothing is left to exchange, in a random order each round.
        for _ in 0..<2 {
            for device in devices.shuffled(using: &random) { try device.sync(folder) }
        }
        let reference = try devices[0].snapshot()
        #expect(reference.reviews.allSatisfy { !$0.hasPrefix("NULL") })
        for device in devices.dropFirst() {
            let snapshot = try device.snapshot()
            #expect(snapshot.reviews == reference.reviews)
            #expect(snapshot.items == reference.items)
            #expect(snapshot.settings == reference.settings)
            #expect(snapshot.tallies == reference.tallies)
        }
        // And a fourth device that reads everything at once ends the same.
        let late = try SimulatedDevice(path: directory.path("late.sqlite"), decks: Self.decks)
        try late.sync(folder)
        let snapshot = try late.snapshot()
        #expect(snapshot.reviews == reference.reviews)
        #expect(snapshot.items == reference.items)
        #expect(snapshot.settings == reference.settings)
        #expect(snapshot.tallies == reference.tallies)
    }
}
