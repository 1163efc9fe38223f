/// When a merge switches to its bulk path, and how much it writes at a time. The defaults
/// are for speed; tests set small values to drive every path with few reviews.
struct MergeTuning: Sendable {
    /// From how many incoming reviews (and at least half as many as the log holds) the
    /// review-log time index is dropped and rebuilt once, instead of updated row by row.
    var bulkThreshold = 20_000
    /// How many rows (inserted or rewritten) a merge writes between two writes of its new
    /// rows' tallies.
    var chunkRows = 500_000
    /// How many items of a deck a merge looks up one by one before it loads all the deck's
    /// keys at once (a sync bringing a few answers does not read a large deck's every key).
    var singleItemLookups = 256
    /// About how many reviews (new and in the log) the replay worker computes per batch.
    var replayBatchRows = 8_192
}
