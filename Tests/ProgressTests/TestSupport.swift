import Foundation
import GRDB
import Scheduling
import Testing

@testable import Progress

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        let url = url
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A calendar in UTC, so day boundaries do not depend on the machine.
let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    return calendar
}()

/// Study days starting at 04:00 UTC.
let utcRollover = DayRollover(calendar: utc, hour: 4)

/// 2026-11-21T10:00:00Z.
let t0 = Date(timeIntervalSince1970: 1_795_255_200)

/// `t0` plus some hours.
func at(hours: Double) -> Date { t0.addingTimeInterval(hours * 3_600) }

/// Opens a store in `directory` with UTC study days.
func openStore(_ directory: TemporaryDirectory, name: String = "progress.sqlite") throws -> ProgressStore {
    try ProgressStore(path: directory.path(name), dayRollover: utcRollover)
}

/// Registers `keys` in deck `deckID` (card id = key, hash "h").
func register(_ store: ProgressStore, deckID: String, keys: [String], at time: Date = t0) throws {
    try store.sync(deckID: deckID, items: keys.map { SyncItem(key: $0, cardID: $0, contentHash: "h") }, at: time)
}

/// A state with awkward doubles, to check they come back bit for bit.
func reviewState(due: Date, reps: Int = 3) -> CardState {
    CardState(
        phase: .review, step: nil, stability: 1.0 / 3.0, difficulty: 5.123456789012345, due: due,
        lastReview: due.addingTimeInterval(-86_400), reps: reps, lapses: 1)
}

/// Answers `ref` (a new item) with good: new → learning, due in 10 minutes.
@discardableResult
func answerNew(_ store: ProgressStore, _ ref: ItemRef, at time: Date, sessionID: Int64? = nil) throws -> Int64 {
    let before = try #require(try store.item(ref)).state
    let after = CardState(
        phase: .learning, step: 1, stability: 2.3065, difficulty: 2.118103970459016,
        due: time.addingTimeInterval(600), lastReview: time, reps: 1, lapses: 0)
    return try store.record(.study(ref, rating: .good, at: time, before: before, after: after, sessionID: sessionID))
}
