import Foundation

/// The scheduling state of one card: everything a scheduler needs to decide what comes next.
///
/// The same shape serves both schedulers. For FSRS, `stability` is the memory stability
/// in days and `difficulty` is FSRS difficulty (1 to 10). For SM-2, `stability` carries the
/// current interval in days and `difficulty` the ease factor (2.5 to start).
/// Both are `nil` for a card that has never been reviewed.
public struct CardState: Sendable, Hashable, Codable {
    /// The card's phase: new, learning, review or relearning.
    public var phase: CardPhase
    /// The index of the current (re)learning step, or `nil` outside the steps.
    public var step: Int?
    /// FSRS stability in days, or the SM-2 interval in days; `nil` before the first review.
    public var stability: Double?
    /// FSRS difficulty, or the SM-2 ease factor; `nil` before the first review.
    public var difficulty: Double?
    /// When the card is next due.
    public var due: Date
    /// When the card was last reviewed, or `nil` if never.
    public var lastReview: Date?
    /// How many times the card has been reviewed.
    public var reps: Int
    /// How many times the card has lapsed (Again from review).
    public var lapses: Int

    /// Creates a card state from all of its parts.
    public init(
        phase: CardPhase,
        step: Int? = nil,
        stability: Double? = nil,
        difficulty: Double? = nil,
        due: Date,
        lastReview: Date? = nil,
        reps: Int = 0,
        lapses: Int = 0
    ) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// The state of a card that has never been reviewed, due at `due`.
    public static func new(due: Date) -> CardState {
        CardState(phase: .new, due: due)
    }
}
