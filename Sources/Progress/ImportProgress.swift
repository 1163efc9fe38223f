/// How far `ProgressStore.importProgress(_:at:beforeCommit:progress:)` has got, for a
/// progress bar: reported from time to time on the thread that called it.
public struct ImportProgress: Sendable, Hashable {
    /// The stages of an import that can take long, in the order they happen.
    public enum Stage: Sendable, Hashable {
        /// Adding or updating the decks' items (`done` and `total` in items).
        case items
        /// Adding the answers (`done` and `total` in answers, duplicates skipped included).
        case reviews
        /// Building the review log's indexes again after a large import (no count).
        case indexing
    }

    /// The stage.
    public var stage: Stage
    /// How much of the stage is done.
    public var done: Int
    /// How much there is in all (0 when not counted).
    public var total: Int

    /// A report of `done` out of `total` in `stage`.
    public init(_ stage: Stage, done: Int = 0, total: Int = 0) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}
