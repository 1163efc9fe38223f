import Foundation
import Replay
import Scheduling

extension FuzzTarget {
    /// The replay CSV reader: any bytes replay or give an error naming a line, never a
    /// crash; nothing is written when the input is malformed.
    public static let replayCSV = FuzzTarget("replay-csv") { bytes in
        let scheduler: FSRS
        do {
            scheduler = try FSRS()
        } catch {
            preconditionFailure("the default FSRS configuration is invalid: \(error)")
        }
        let written = WrittenBytes()
        do throws(ReviewHistoryError) {
            try ReplayPipeline.run(csv: Array(bytes), file: "fuzz.csv", scheduler: scheduler) { written.add($0.count) }
        } catch {
            precondition(written.count == 0, "output written for a malformed history")
            precondition(error.line >= 1, "an error without a line: \(error)")
        }
    }
}

/// Counts the bytes the replay wrote (the sink may be called from another thread).
private final class WrittenBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    var count: Int { lock.withLock { total } }
    func add(_ count: Int) { lock.withLock { total += count } }
}
