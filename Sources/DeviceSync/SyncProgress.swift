/// How far a sync has got, for a progress bar: `JournalSync.run(progress:)` reports it from
/// time to time on the thread that runs the sync.
public struct SyncProgress: Sendable, Hashable {
    /// The stages of a sync that can take long, in the order they happen.
    public enum Stage: Sendable, Hashable {
        /// Reading the other devices' journals (`done` and `total` in bytes).
        case reading
        /// Replaying the cards that got new answers and writing them (`done` and `total` in
        /// answers).
        case merging
        /// Building the review log's indexes again after a large merge (no count).
        case indexing
    }

    /// The stage.
    public var stage: Stage
    /// How much of the stage is done.
    public var done: Int64
    /// How much there is in all (0 when not counted).
    public var total: Int64

    /// A report of `done` out of `total` in `stage`.
    public init(_ stage: Stage, done: Int64 = 0, total: Int64 = 0) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}
