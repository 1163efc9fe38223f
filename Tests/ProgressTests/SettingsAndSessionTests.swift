import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

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
                maximumInterval: 3_650, parameters: Array(FSRSParameters.defaultWeights.prefix(19)),
                fuzz: false),
            newCardsPerDay: 7, burySiblings: false)
        try store.saveSettings(custom, for: "plot")
        #expect(try store.settings(for: "plot") == custom)
        #expect(try store.settings(for: "cast") == DeckSettings())
        try store.resetSettings(for: "plot")
        #expect(try store.settings(for: "plot") == DeckSettings())
    }

    @Test func settingsThatCannotBeUsedAreNeitherSavedNorRead() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let wrong = DeckSettings(scheduler: SchedulerConfiguration(parameters: [0.212, 1.2931]))
        #expect(throws: SchedulerConfigurationError.wrongParameterCount(2)) {
            try store.saveSettings(wrong, for: "plot")
        }
        #expect(try store.settings(for: "plot") == DeckSettings())
        try store.saveSettings(DeckSettings(), for: "plot")
        // Edited by hand: a decay out of the reference bounds, a maximum interval of 0 days, a list that is not one, a retention of 2.
        for (column, value) in [
            (
                "fsrs_parameters",
                "'[0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.95]'"
            ),
            ("maximum_interval", "0"), ("learning_steps", "'1m,10m'"), ("desired_retention", "2"),
        ] {
            try store.database.write { db in
                try db.execute(sql: "DELETE FROM deck_settings")
                try db.execute(
                    sql:
                        "INSERT INTO deck_settings (deck_id, scheduler, desired_retention, learning_steps, relearning_steps, maximum_interval, fuzz, new_per_day) VALUES ('plot', 'fsrs', 0.9, '[60]', '[600]', 365, 1, 20)"
                )
                try db.execute(sql: "UPDATE deck_settings SET \(column) = \(value)")
            }
            do {
                _ = try store.settings(for: "plot")
                Issue.record("\(column) = \(value) was read")
            } catch let error as ProgressError {
                guard case .invalidValue = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(error.description.contains("it is damaged (deck \"plot\""), "\(error)")
            }
        }
    }

    @Test func sessionsRecordTheirStartEndAndCounts() throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(directory)
        let id = try store.startSession(.quiz, deckIDs: ["plot", "cast"], at: t0)
        try store.endSession(
            id, at: at(hours: 0.25),
            counts: SessionCounts(answered: 12, newItems: 3, again: 2, hard: 1, good: 8, easy: 1))
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
