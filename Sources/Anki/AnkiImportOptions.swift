import Foundation

/// How `AnkiImporter` imports.
public struct AnkiImportOptions: Sendable {
    /// The folder deck files (and their `DECK.media/` folders) are written to.
    public var decksDirectory: String
    /// A prefix for every deck id (`--deck-prefix ID`): `ID-lit-novel-part-1`.
    public var deckPrefix: String?
    /// Overwrite deck files recall did not import (`--force`).
    public var force: Bool
    /// The moment of the import (new cards become due then).
    public var now: Date

    /// Options for an import into `decksDirectory`.
    public init(decksDirectory: String, deckPrefix: String? = nil, force: Bool = false, now: Date = Date()) {
        self.decksDirectory = decksDirectory
        self.deckPrefix = deckPrefix
        self.force = force
        self.now = now
    }
}
