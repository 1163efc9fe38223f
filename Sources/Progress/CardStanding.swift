import Foundation

/// One card in the stats' lists of hardest cards and leeches: where it stands now.
public struct CardStanding: Sendable, Hashable {
    /// The item.
    public var ref: ItemRef
    /// The probability of recalling it now, when its scheduler can tell.
    public var retrievability: Double?
    /// How many times it lapsed (again from review).
    public var lapses: Int
    /// Whether it is suspended.
    public var suspended: Bool
    /// When it is next due.
    public var due: Date

    /// Creates a standing.
    public init(ref: ItemRef, retrievability: Double?, lapses: Int, suspended: Bool, due: Date) {
        self.ref = ref
        self.retrievability = retrievability
        self.lapses = lapses
        self.suspended = suspended
        self.due = due
    }
}
