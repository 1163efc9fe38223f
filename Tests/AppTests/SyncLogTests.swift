import Foundation
import Testing

@testable import App

/// The log of the syncs the prompt hands to a process of its own when it quits.
@Suite struct SyncLogTests {
    static func temporaryLog() -> SyncLog {
        SyncLog(path: NSTemporaryDirectory() + "recall-sync-log-\(UUID().uuidString)/recall/sync.log")
    }

    @Test func aRunWithProblemsIsToldOnceAndAGoodRunIsNotTold() throws {
        let log = Self.temporaryLog()
        defer { try? FileManager.default.removeItem(atPath: (log.path as NSString).deletingLastPathComponent) }
        #expect(log.untoldProblem() == nil)
        let date = Date(timeIntervalSince1970: 1_795_255_200)
        log.append(folder: "/sync", outcome: .ok, lines: ["Nothing new to send.", "Nothing new arrived."], at: date)
        #expect(log.untoldProblem() == nil)
        log.append(
            folder: "/sync", outcome: .problems(1), lines: ["warning: /sync/recall/a.jsonl:2: bad\u{1B}[31m line"],
            at: date)
        let header = try #require(log.untoldProblem())
        #expect(header == "2026-11-21T10:00:00Z sync through /sync: 1 problem")
        #expect(
            log.warning(for: header) == "warning: the sync when recall last quit reported problems; see \(log.path)")
        log.markTold()
        #expect(log.untoldProblem() == nil)
        log.append(folder: "/sync", outcome: .failed, lines: ["error: the disk is full"], at: date)
        let failed = try #require(log.untoldProblem())
        #expect(log.warning(for: failed) == "warning: the sync when recall last quit failed; see \(log.path)")
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(
            text == """
                2026-11-21T10:00:00Z sync through /sync: ok
                  Nothing new to send.
                  Nothing new arrived.
                2026-11-21T10:00:00Z sync through /sync: 1 problem
                  warning: /sync/recall/a.jsonl:2: bad line
                  (shown when recall next started)
                2026-11-21T10:00:00Z sync through /sync: failed
                  error: the disk is full

                """)
    }

    @Test func theLogStaysSmallAndKeepsWholeRecentRuns() throws {
        let log = Self.temporaryLog()
        defer { try? FileManager.default.removeItem(atPath: (log.path as NSString).deletingLastPathComponent) }
        for run in 0..<2_000 {
            log.append(
                folder: "/sync", outcome: run == 1_999 ? .failed : .ok, lines: ["run \(run)", "second line of \(run)"])
        }
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(text.utf8.count <= SyncLog.limit)
        #expect(text.utf8.count > SyncLog.limit / 4)
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasSuffix("sync through /sync: ok") == true)
        #expect(lines.last == "  second line of 1999")
        #expect(log.untoldProblem()?.hasSuffix(": failed") == true)
    }
}
