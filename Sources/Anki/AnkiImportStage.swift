import Progress

/// How far an import has got, for a progress bar: `AnkiImporter.importFile(_:options:store:limits:progress:)`
/// reports it from time to time on the thread that runs the import.
public typealias AnkiImportProgress = StageProgress<AnkiImportStage>

/// The stages of an import, in the order they happen (a text export has no `unpacking`,
/// an import without history no `reviews`; `indexing` only follows a large history).
public enum AnkiImportStage: Sendable, Hashable {
    /// Unpacking the package's collection (`done` and `total` in bytes).
    case unpacking
    /// Reading the collection's notes, cards and review log (`done` and `total` in rows;
    /// a text export's lines are not counted).
    case reading
    /// Turning the notes into recall's cards, and each card's history into its schedule
    /// (`done` and `total` in notes).
    case converting
    /// Adding the cards' study items to the progress store (`done` and `total` in items).
    case adding
    /// Adding the review history (`done` and `total` in answers).
    case reviews
    /// Building the review log's indexes again after a large history (no count).
    case indexing
}
