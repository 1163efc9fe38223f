import Progress

/// How far an export has got, for a progress bar: `AnkiExporter.export(_:store:to:options:progress:)`
/// reports it from time to time on the thread that runs the export.
public typealias AnkiExportProgress = StageProgress<AnkiExportStage>

/// The stages of an export, in the order they happen (a text export has `notes` alone;
/// one without progress has no `reading` and no `reviews`).
public enum AnkiExportStage: Sendable, Hashable {
    /// Reading the items' schedules and the decks' settings from the store (no count).
    case reading
    /// Writing the notes and their cards (`done` and `total` in notes).
    case notes
    /// Writing the review history (`done` and `total` in answers; the total comes from the
    /// store's tallies).
    case reviews
    /// Building the collection's indexes (no count).
    case indexing
    /// Compressing the package (`done` and `total` in bytes).
    case compressing
}
