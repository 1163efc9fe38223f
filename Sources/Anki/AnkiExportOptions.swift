import Foundation
import Progress

/// How `AnkiExporter` exports.
public struct AnkiExportOptions: Sendable {
    /// What to write.
    public enum Format: String, Sendable, CaseIterable {
        /// An .apkg package (collection.anki21, schema 11).
        case apkg
        /// Anki's plain-text notes format (cards only).
        case text
    }

    /// The format.
    public var format: Format
    /// Whether to include the schedule and the review history (`--no-progress` turns it off).
    public var includeProgress: Bool
    /// The moment of the export (the collection's day count starts at its study day).
    public var now: Date
    /// Where study days start (04:00 local time by default), as in the store.
    public var dayRollover: DayRollover
    /// The largest package ``ZipWriter`` writes (tests lower it to try the zip64 path).
    var fastZipByteLimit = ZipWriter.byteLimit

    /// Options for an export.
    public init(
        format: Format = .apkg, includeProgress: Bool = true, now: Date = Date(),
        dayRollover: DayRollover = DayRollover()
    ) {
        self.format = format
        self.includeProgress = includeProgress
        self.now = now
        self.dayRollover = dayRollover
    }
}
