import Foundation
import GRDB
import Progress
import Scheduling
import Testing

@testable import DeviceSync

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// 2026-11-21T10:00:00Z.
let t0 = Date(timeIntervalSince1970: 1_795_255_200)

/// A small deterministic generator for the property tests.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One machine: a store with a deck, studied like a session does it.
final class SimulatedDevice {
    let path: String
    let store: ProgressStore

    /// A store at `path` holding `decks` (deck id → item keys).
    init(path: String, decks: [String: [String]]) throws {
        self.path = path
        store = try ProgressStore(path: path)
        for (deck, keys) in decks.sorted(by: { $0.key < $1.key }) { try addDeck(deck, keys: keys) }
    }

    /// Syncs a deck's items into the store (a deck arriving).
    func addDeck(_ deck: String, keys: [String], at time: Date = t0) throws {
        try store.sync(
            deckID: deck, items: keys.map { SyncItem(key: $0, cardID: $0, contentHash: "h-" + $0) }, at: time)
    }

    /// Answers an item in a study session, with the deck's scheduler.
    func study(_ deck: String, _ key: String, _ rating: Rating, at time: Date, duration: Int? = 1_500) throws {
        let ref = ItemRef(deckID: deck, key: key)
        guard let state = try store.item(ref)?.state else { throw ProgressError.unknownItem(deckID: deck, key: key) }
        let scheduler = try store.settings(for: deck).scheduler.makeScheduler()
        let after = scheduler.review(state, rating: rating, at: time)
        try store.record(
            .study(ref, rating: rating, at: time, before: state, after: after, durationMilliseconds: duration))
    }

    /// Answers an item in a practice quiz.
    func practice(_ deck: String, _ key: String, _ rating: Rating, at time: Date) throws {
        let ref = ItemRef(deckID: deck, key: key)
        guard let state = try store.item(ref)?.state else { throw ProgressError.unknownItem(deckID: deck, key: key) }
        try store.record(.practice(ref, rating: rating, at: time, state: state, durationMilliseconds: 900))
    }

    /// Syncs through `folder`.
    @discardableResult
    func sync(_ folder: String, now: Date = t0.addingTimeInterval(86_400 * 400)) throws -> JournalSyncReport {
        try JournalSync(store: store, folder: folder, now: { now }).run()
    }

    /// Everything that must agree between synced stores: every review (with its event id and
    /// its before/after states) and the state of every reviewed item.
    func snapshot() throws -> Snapshot {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let columns = "phase, step, stability, difficulty, due, last_review, reps, lapses"
            let reviews = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.device_id || ':' || (o.origin & \((1 << 40) - 1)), i.deck_id, i.item_key, r.reviewed_at, r.kind,
                           r.rating, r.duration_ms, \(columns.split(separator: ",").map { "r.before_" + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")),
                           \(columns.split(separator: ",").map { "r.after_" + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                    FROM review r LEFT JOIN review_origin o ON o.review_id = r.id
                    LEFT JOIN device_sync_device d ON d.ref = o.origin >> 40 JOIN item i ON i.id = r.item_id
                    """
            ).map { row in row.databaseValues.map(\.description).joined(separator: "|") }
            let items = try Row.fetchAll(
                db,
                sql: """
                    SELECT deck_id, item_key, \(columns) FROM item
                    WHERE EXISTS (SELECT 1 FROM review WHERE review.item_id = item.id AND review.kind = 'study')
                    """
            ).map { row in row.databaseValues.map(\.description).joined(separator: "|") }
            let settings = try Row.fetchAll(db, sql: "SELECT * FROM deck_settings").map { row in
                row.databaseValues.map(\.description).joined(separator: "|")
            }
            let tallies = try Row.fetchAll(db, sql: "SELECT * FROM review_total").map { row in
                row.databaseValues.map(\.description).joined(separator: "|")
            }
            return Snapshot(
                reviews: reviews.sorted(), items: items.sorted(), settings: settings.sorted(), tallies: tallies.sorted()
            )
        }
    }
}

/// What two converged stores agree on.
struct Snapshot: Equatable {
    var reviews: [String]
    var items: [String]
    var settings: [String]
    var tallies: [String]
}
