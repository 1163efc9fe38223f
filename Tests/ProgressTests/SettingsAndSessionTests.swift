import Foundation
import GRDB
@testable import Progress
import Scheduling
import Testing

@Suite struct SettingsAndSessionTests {
    @Test func aDeckWithoutSettingsUsesTheDefaults() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        #expect(try store.settings(for: "plot") == DeckSettings())
        #expect(DeckSettings().newCardsPerDay == 20)
        #expect(DeckSettings().scheduler == SchedulerConfiguration())
    }

    @Test func settingsComeBackExactly() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let custom = DeckSettings(
            scheduler: SchedulerConfiguration(
                kind: .sm2, desiredRetention: 0.87, learningSteps: [30, 300.5, 86_400], relearningSteps: [],
                maximumInterval: 3_650, parameters: [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001],
                fuzz: false),
            newCardsPerDay: 7)
        try store.saveSettings(custom, for: "plot")
        #expect(try store.settings(for: "plot") == custom)
        #expect(try store.settings(for: "cast") == DeckSettings())
        try store.resetSettings(for: "plot")
        #expect(try store.settings(for: "plot") == DeckSettings())
    }

    @Test func sessionsRecordTheirStartEndAndCounts() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let id = try store.startSession(.quiz, deckIDs: ["plot", "cast"], at: t0)
        try store.endSession(id, at: at(hours: 0.25), counts: SessionCounts(answered: 12, newItems: 3, again: 2, hard: 1, good: 8, easy: 1))
        let row = try store.database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM session") }
        #expect(row?["kind"] == "quiz")
        #expect(row?["decks"] == #"["plot","cast"]"#)
        #expect(row?["started_at"] == t0.unixMilliseconds)
        #expect(row?["ended_at"] == at(hours: 0.25).unixMilliseconds)
        #expect(row?["answered"] == 12)
        #expect(row?["new_items"] == 3)
        #expect(row?["again"] == 2)
        #expect(row?["easy"] == 1)
    }
}
