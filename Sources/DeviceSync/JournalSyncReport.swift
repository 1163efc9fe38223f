/// What one `recall sync` did.
public struct JournalSyncReport: Sendable, Hashable {
    /// This store's device id.
    public var deviceID: String
    /// The events this device appended to its journal.
    public var sent = 0
    /// Reviews from other devices added to the store (including ones that waited for their deck).
    public var receivedReviews = 0
    /// Undos from other devices applied.
    public var receivedUndos = 0
    /// Settings changes from other devices that now apply.
    public var receivedSettings = 0
    /// Reviews kept for decks (or cards) this store does not have yet; they apply when those arrive.
    public var waiting = 0
    /// The devices whose events arrived, sorted.
    public var fromDevices: [String] = []
    /// Items whose memory state was recomputed.
    public var recomputedItems = 0
    /// Whether this device's journal was missing or cut short and was rewritten from the store.
    public var rewroteJournal = false
    /// Lines skipped as unreadable, as `FILE:LINE: MESSAGE`.
    public var problems: [JournalProblem] = []
    /// Other things worth knowing, such as reviews dated in the future (clock skew).
    public var notes: [String] = []

    /// An empty report for `deviceID`.
    public init(deviceID: String) {
        self.deviceID = deviceID
    }

    /// Whether anything arrived from other devices.
    public var receivedAnything: Bool { receivedReviews + receivedUndos + receivedSettings > 0 }
}
