import Foundation
import GRDB
import Progress
import Scheduling
import Testing

@testable import DeviceSync

@Suite struct JournalSyncTests {
    let deck = ["a", "b", "c", "d"]

    @Test func reviewsTravelAndStatesMatch() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let laptop = try SimulatedDevice(path: directory.path("laptop.sqlite"), decks: ["plot": deck])
        let desktop = try SimulatedDevice(path: directory.path("desktop.sqlite"), decks: ["plot": deck])
        try laptop.study("plot", "a", .good, at: t0)
        try laptop.study("plot", "a", .good, at: t0.addingTimeInterval(600))
        try laptop.practice("plot", "b", .again, at: t0.addingTimeInterval(700))
        let sent = try laptop.sync(folder)
        #expect(sent.sent == 3)
        #expect(sent.receivedReviews == 0)
        let received = try desktop.sync(folder)
        #expect(received.receivedReviews == 3)
        #expect(received.fromDevices == [try laptop.store.deviceID()])
        #expect(try desktop.snapshot() == laptop.snapshot())
        #expect(try desktop.store.item(ItemRef(deckID: "plot", key: "a"))?.state.reps == 2)
        // Idempotent: nothing more arrives, nothing changes.
        let again = try desktop.sync(folder)
        #expect(again.receivedReviews == 0 && again.sent == 0)
        #expect(try desktop.snapshot() == laptop.snapshot())
    }

    @Test func theSameCardStudiedOnTwoMachinesKeepsBothReviewsInTimeOrder() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try two.study("plot", "a", .again, at: t0.addingTimeInterval(60))
        try one.study("plot", "a", .easy, at: t0.addingTimeInterval(86_400))
        try one.sync(folder)
        try two.sync(folder)
        try one.sync(folder)
        #expect(try one.snapshot() == two.snapshot())
        let state = try #require(try one.store.item(ItemRef(deckID: "plot", key: "a"))?.state)
        #expect(state.reps == 3)
        // The replay in time order: good, again (a minute later), easy (a day later).
        let scheduler = try SchedulerConfiguration().makeScheduler()
        var expected = CardState.new(due: t0)
        for (rating, seconds) in [(Rating.good, 0.0), (.again, 60), (.easy, 86_400)] {
            expected = SyncLedger.stored(scheduler.review(expected, rating: rating, at: t0.addingTimeInterval(seconds)))
        }
        #expect(state == expected)
    }

    @Test func syncOrderDoesNotMatter() throws {
        // A then B, and B then A, on two fresh stores give identical stores.
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let a = try SimulatedDevice(path: directory.path("a.sqlite"), decks: ["plot": deck])
        let b = try SimulatedDevice(path: directory.path("b.sqlite"), decks: ["plot": deck])
        try a.study("plot", "a", .good, at: t0)
        try a.study("plot", "b", .hard, at: t0.addingTimeInterval(5))
        try b.study("plot", "a", .again, at: t0.addingTimeInterval(3))
        try b.study("plot", "c", .easy, at: t0.addingTimeInterval(4))
        try a.sync(folder)
        try b.sync(folder)
        // Two readers reading the journals in opposite orders (b's file, then a's, by hiding one at a time).
        let first = try SimulatedDevice(path: directory.path("first.sqlite"), decks: ["plot": deck])
        let second = try SimulatedDevice(path: directory.path("second.sqlite"), decks: ["plot": deck])
        let journals = try FileManager.default.contentsOfDirectory(atPath: folder + "/recall").sorted()
        let hidden = directory.path("hidden")
        try FileManager.default.createDirectory(atPath: hidden, withIntermediateDirectories: true)
        for (reader, order) in [(first, journals), (second, journals.reversed())] {
            for name in order {
                for other in journals where other != name {
                    try FileManager.default.moveItem(atPath: folder + "/recall/" + other, toPath: hidden + "/" + other)
                }
                try reader.sync(folder)
                for other in journals where other != name {
                    try FileManager.default.moveItem(atPath: hidden + "/" + other, toPath: folder + "/recall/" + other)
                }
            }
        }
        #expect(try first.snapshot().reviews.count == 4)
        #expect(try first.snapshot() == second.snapshot())
        try a.sync(folder)
        #expect(try first.snapshot() == a.snapshot())
    }

    @Test func anUndoOfASyncedReviewTravels() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try one.study("plot", "a", .again, at: t0.addingTimeInterval(600))
        try one.sync(folder)
        try two.sync(folder)
        #expect(try two.store.item(ItemRef(deckID: "plot", key: "a"))?.state.reps == 2)
        try one.store.undoLast()
        let report = try one.sync(folder)
        #expect(report.sent == 1)
        let received = try two.sync(folder)
        #expect(received.receivedUndos == 1)
        #expect(try two.store.item(ItemRef(deckID: "plot", key: "a"))?.state.reps == 1)
        #expect(try one.snapshot() == two.snapshot())
        // A third store reading everything from scratch never sees the undone review.
        let three = try SimulatedDevice(path: directory.path("three.sqlite"), decks: ["plot": deck])
        try three.sync(folder)
        #expect(try three.snapshot() == one.snapshot())
    }

    @Test func settingsChangesTravelAndTheLatestWins() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try one.study("plot", "a", .good, at: t0.addingTimeInterval(600))
        try one.store.saveSettings(
            DeckSettings(scheduler: SchedulerConfiguration(desiredRetention: 0.8), newCardsPerDay: 7), for: "plot")
        usleep(5_000)
        try two.store.saveSettings(
            DeckSettings(scheduler: SchedulerConfiguration(desiredRetention: 0.95), newCardsPerDay: 3), for: "plot")
        try one.sync(folder)
        let received = try two.sync(folder)
        #expect(received.receivedReviews == 2)
        try one.sync(folder)
        // two's change is the later one: both use it, and both replayed the reviews with it.
        #expect(try one.store.settings(for: "plot").newCardsPerDay == 3)
        #expect(try two.store.settings(for: "plot").newCardsPerDay == 3)
        #expect(try one.snapshot() == two.snapshot())
    }

    @Test func progressForADeckNotYetPresentWaitsForIt() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck, "themes": ["x", "y"]])
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try one.study("themes", "x", .good, at: t0)
        try one.study("plot", "a", .good, at: t0)
        try one.sync(folder)
        let first = try two.sync(folder)
        #expect(first.receivedReviews == 1)
        #expect(first.waiting == 1)
        try two.addDeck("themes", keys: ["x", "y"])
        let second = try two.sync(folder)
        #expect(second.receivedReviews == 1)
        #expect(second.waiting == 0)
        #expect(try two.snapshot() == one.snapshot())
    }

    @Test func aHalfWrittenLastLineWaitsSilentlyAndACorruptLineIsReportedAndSkipped() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try one.study("plot", "b", .good, at: t0.addingTimeInterval(1))
        try one.study("plot", "c", .good, at: t0.addingTimeInterval(2))
        try one.sync(folder)
        let journal = folder + "/recall/" + (try one.store.deviceID()) + ".jsonl"
        let full = try String(contentsOfFile: journal, encoding: .utf8)
        var lines = full.split(separator: "\n").map(String.init)
        // Line 2 corrupt; line 3 still arriving (no newline yet).
        let third = lines[2]
        lines[1] = "{\"device\":garbage"
        try (lines[0] + "\n" + lines[1] + "\n" + third.prefix(30)).write(
            toFile: journal, atomically: false, encoding: .utf8)
        let first = try two.sync(folder)
        #expect(first.receivedReviews == 1)
        #expect(first.problems.map(\.description) == ["\(journal):2: not a journal event (invalid value)"])
        // The transfer completes.
        try (lines[0] + "\n" + lines[1] + "\n" + third + "\n").write(
            toFile: journal, atomically: false, encoding: .utf8)
        let second = try two.sync(folder)
        #expect(second.receivedReviews == 1)
        #expect(second.problems.isEmpty)
        #expect(try two.snapshot().reviews.count == 2)
    }

    @Test func aDeletedJournalIsRewrittenIdenticallyFromTheStore() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try one.study("plot", "b", .good, at: t0.addingTimeInterval(1))
        try one.sync(folder)
        try one.store.undoLast()
        try one.store.saveSettings(DeckSettings(newCardsPerDay: 4), for: "plot")
        try one.sync(folder)
        let journal = folder + "/recall/" + (try one.store.deviceID()) + ".jsonl"
        let original = try Data(contentsOf: URL(fileURLWithPath: journal))
        try FileManager.default.removeItem(atPath: journal)
        let report = try one.sync(folder)
        #expect(report.rewroteJournal)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == original)
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try two.sync(folder)
        #expect(try two.snapshot() == one.snapshot())
    }

    @Test func aCopiedStoreIsDetectedAndNewDeviceFixesIt() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try one.sync(folder)
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(
                atPath: directory.path("one.sqlite" + suffix), toPath: directory.path("copy.sqlite" + suffix))
        }
        let copy = try SimulatedDevice(path: directory.path("copy.sqlite"), decks: ["plot": deck])
        #expect(try copy.store.deviceID() == one.store.deviceID())
        try one.study("plot", "b", .good, at: t0.addingTimeInterval(10))
        try copy.study("plot", "c", .again, at: t0.addingTimeInterval(20))
        try one.sync(folder)
        #expect {
            try copy.sync(folder)
        } throws: { error in
            guard case DeviceSyncError.duplicateDevice(_, let line, _, let sequence) = error else { return false }
            return line == 1 && sequence == 2 && "\(error)".contains("recall sync --new-device")
        }
        let (old, new) = try JournalSync(store: copy.store, folder: folder).newDevice()
        #expect(old != new)
        try copy.sync(folder)
        try one.sync(folder)
        #expect(try one.snapshot() == copy.snapshot())
        #expect(try one.snapshot().reviews.count == 3)
    }

    @Test func clockSkewIsKeptAndNoted() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0.addingTimeInterval(86_400 * 30))
        try one.sync(folder)
        let report = try two.sync(folder, now: t0)
        #expect(report.receivedReviews == 1)
        #expect(report.notes.count == 1)
        #expect(report.notes.first?.contains("dated in the future") == true)
    }

    @Test func aSyncKilledAfterAppendingButBeforeRecordingLosesAndDoublesNothing() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try one.sync(folder)
        try one.study("plot", "b", .good, at: t0.addingTimeInterval(1))
        try one.sync(folder)
        let journal = folder + "/recall/" + (try one.store.deviceID()) + ".jsonl"
        let whole = try String(contentsOfFile: journal, encoding: .utf8)
        // As if killed after the append but before the store recorded it, and mid-way through a second line.
        try one.store.deviceSyncWrite { db in
            try db.execute(
                sql: "UPDATE device_sync_state SET written_through = 1, journal_size = ?",
                arguments: [whole.split(separator: "\n")[0].utf8.count + 1])
        }
        try (whole + "{\"device\":\"half").write(toFile: journal, atomically: false, encoding: .utf8)
        try one.study("plot", "c", .good, at: t0.addingTimeInterval(2))
        let report = try one.sync(folder)
        #expect(report.sent == 1)
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try two.sync(folder)
        #expect(try two.snapshot() == one.snapshot())
        #expect(try two.snapshot().reviews.count == 3)
    }

    @Test func aSyncKilledBeforeAppendingIsCompletedByTheNext() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("folder")
        let one = try SimulatedDevice(path: directory.path("one.sqlite"), decks: ["plot": deck])
        try one.study("plot", "a", .good, at: t0)
        try one.sync(folder)
        let journal = folder + "/recall/" + (try one.store.deviceID()) + ".jsonl"
        // Numbered in the store, never appended (killed between the two).
        try one.store.deviceSyncWrite { db in
            try db.execute(sql: "UPDATE device_sync_state SET written_through = 0, journal_size = 0")
        }
        try FileManager.default.removeItem(atPath: journal)
        let report = try one.sync(folder)
        #expect(report.sent == 1)
        let two = try SimulatedDevice(path: directory.path("two.sqlite"), decks: ["plot": deck])
        try two.sync(folder)
        #expect(try two.snapshot() == one.snapshot())
    }

    @Test func existingStoresGetADeviceIDAndFreshStoresDifferentOnes() throws {
        let directory = try TemporaryDirectory()
        let one = try ProgressStore(path: directory.path("one.sqlite"))
        let two = try ProgressStore(path: directory.path("two.sqlite"))
        let id = try one.deviceID()
        #expect(id.count == 16 && JournalEventID.isValidDevice(id))
        #expect(try id != two.deviceID())
        #expect(try one.syncFolder() == nil)
        try one.setSyncFolder("/tmp/x")
        #expect(try one.syncFolder() == "/tmp/x")
    }
}
