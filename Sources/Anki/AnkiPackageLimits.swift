/// The sizes past which an Anki package is refused as a zip bomb (or a damaged package).
public struct AnkiPackageLimits: Sendable {
    /// The most one entry (the collection, or one media file) may expand to.
    public var entryBytes: Int
    /// The most all extracted entries together may expand to.
    public var totalBytes: Int
    /// The most entries an archive may have.
    public var entries: Int
    /// The most the `meta` entry and the media map may expand to.
    public var mapBytes: Int

    /// Limits well past any real package: 2 GiB an entry, 8 GiB in all, 500 000 entries, 64 MiB of media map.
    public init(entryBytes: Int = 2 << 30, totalBytes: Int = 8 << 30, entries: Int = 500_000, mapBytes: Int = 64 << 20)
    {
        self.entryBytes = entryBytes
        self.totalBytes = totalBytes
        self.entries = entries
        self.mapBytes = mapBytes
    }
}
