/// What `ProgressStore.sync` found when it compared a deck with the store.
public struct SyncReport: Sendable, Hashable {
    /// Keys of items seen for the first time (they start as new cards).
    public var added: [String] = []
    /// Keys of items whose card content changed; their schedule and history are kept.
    public var edited: [String] = []
    /// Keys of items no longer in the deck; their history is kept and they leave the queue.
    public var orphaned: [String] = []
    /// Keys of previously orphaned items that are back in the deck, schedule intact.
    public var restored: [String] = []

    /// Creates a report; every list is empty by default.
    public init(added: [String] = [], edited: [String] = [], orphaned: [String] = [], restored: [String] = []) {
        self.added = added
        self.edited = edited
        self.orphaned = orphaned
        self.restored = restored
    }

    /// Whether the store already matched the deck.
    public var isEmpty: Bool { added.isEmpty && edited.isEmpty && orphaned.isEmpty && restored.isEmpty }
}
