import Foundation

/// Results worked out in separate chunks on several threads at once (each chunk set once),
/// then read together.
final class ChunkedResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [(range: Range<Int>, values: [Value])] = []
    private let count: Int

    /// Room for `count` values.
    init(count: Int) {
        self.count = count
    }

    /// Sets the values of `range` (safe from any thread).
    func set(_ range: Range<Int>, to values: [Value]) {
        lock.lock()
        chunks.append((range, values))
        lock.unlock()
    }

    /// Every value, in order (once every chunk is set).
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        var all: [Value] = []
        all.reserveCapacity(count)
        for chunk in chunks.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) { all += chunk.values }
        precondition(all.count == count, "every chunk is set before the values are read")
        return all
    }
}
