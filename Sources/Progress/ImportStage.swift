/// How far `ProgressStore.importProgress(_:at:beforeCommit:progress:)` has got.
public typealias ImportProgress = StageProgress<ImportStage>

/// The stages of an import into the store that can take long, in the order they happen.
public enum ImportStage: Sendable, Hashable {
    /// Adding or updating the decks' items (`done` and `total` in items).
    case items
    /// Adding the answers (`done` and `total` in answers, duplicates skipped included).
    case reviews
    /// Building the review log's indexes again after a large import (no count).
    case indexing
}
