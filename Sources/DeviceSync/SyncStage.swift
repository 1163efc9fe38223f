import Progress

/// How far a sync has got: `JournalSync.run(progress:)` reports it from time to time on the
/// thread that runs the sync.
public typealias SyncProgress = StageProgress<SyncStage>

/// The stages of a sync that can take long, in the order they happen.
public enum SyncStage: Sendable, Hashable {
    /// Reading the other devices' journals (`done` and `total` in bytes).
    case reading
    /// Replaying the cards that got new answers and writing them (`done` and `total` in
    /// answers).
    case merging
    /// Building the review log's indexes again after a large merge (no count).
    case indexing
}
