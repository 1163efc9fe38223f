import Foundation
import Progress

/// Computes item replays (`ItemReplay.changes`) on one helper thread, in the order they are
/// submitted, while the store's thread goes on reading and writing.
final class ReplayWorker: @unchecked Sendable {
    /// The changes of one submitted batch, once computed.
    final class Batch: @unchecked Sendable {
        fileprivate var computed: [ItemReplay.Changes] = []
        fileprivate let done = DispatchSemaphore(value: 0)

        /// Waits for the batch, then gives its changes, in the order of its inputs.
        func changes() -> [ItemReplay.Changes] {
            done.wait()
            return computed
        }
    }

    private let queue = DispatchQueue(label: "recall.sync.replay")
    private let devices: [Int64: String]
    /// Used only on `queue`.
    private var studyDays: ItemReplay.StudyDays

    /// A worker for `store`, whose devices' ids by number are `devices`.
    init(store: ProgressStore, devices: [Int64: String]) {
        self.devices = devices
        studyDays = ItemReplay.StudyDays(store: store)
    }

    /// Starts computing the changes of `inputs` (after the batches submitted before).
    func submit(_ inputs: [ItemReplay.Input]) -> Batch {
        let batch = Batch()
        queue.async {
            batch.computed = inputs.map {
                ItemReplay.changes(of: $0, devices: self.devices, studyDays: &self.studyDays)
            }
            batch.done.signal()
        }
        return batch
    }
}
