/// The tallies of one session, saved when it ends.
public struct SessionCounts: Sendable, Hashable, Codable {
    /// Answers given.
    public var answered: Int
    /// Of those, answers to cards never studied before.
    public var newItems: Int
    /// Answers rated again.
    public var again: Int
    /// Answers rated hard.
    public var hard: Int
    /// Answers rated good.
    public var good: Int
    /// Answers rated easy.
    public var easy: Int

    /// Creates tallies; all zero by default.
    public init(answered: Int = 0, newItems: Int = 0, again: Int = 0, hard: Int = 0, good: Int = 0, easy: Int = 0) {
        self.answered = answered
        self.newItems = newItems
        self.again = again
        self.hard = hard
        self.good = good
        self.easy = easy
    }
}
