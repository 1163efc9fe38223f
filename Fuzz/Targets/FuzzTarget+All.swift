extension FuzzTarget {
    /// Every fuzz target, one line each.
    public static let all: [FuzzTarget] = [
        .deck,
        .cloze,
        .answer,
        .replayCSV,
        .journalLine,
        .ankiText,
        .ankiPackage,
    ]
}
