/// One deck's figures in a `StatsReport` (or the total of several).
///
/// Card counts are exclusive: a suspended card counts only as suspended, so
/// `new + learning + review + suspended` is every card. Orphaned items (cards gone from
/// their deck) are left out of the counts, due figures and memory, but their past answers
/// still count in reviews, retention and streaks.
public struct DeckStats: Sendable, Hashable {
    /// The deck's id (empty for the total).
    public var id: String
    /// Cards never studied, not suspended (including cards of a loaded deck not yet in the store).
    public var new: Int
    /// Cards in their learning or relearning steps, not suspended.
    public var learning: Int
    /// Of `learning`, the ones relearning after a lapse.
    public var relearning: Int
    /// Graduated cards, not suspended.
    public var review: Int
    /// Suspended cards, whatever their phase.
    public var suspended: Int
    /// Studied cards due now, before today's study day ends (overdue included) and tomorrow.
    public var due: DueCounts
    /// Answers (study and practice) since the current study day started.
    public var reviewsToday: Int
    /// Of `reviewsToday`, practice-quiz answers.
    public var practiceToday: Int
    /// The time taken by today's answers, in milliseconds (answers without a time count none).
    public var studyMillisecondsToday: Int
    /// Answers (study and practice) ever.
    public var reviews: Int
    /// Of `reviews`, practice-quiz answers.
    public var practice: Int
    /// True retention over the last 7 study days (today included).
    public var retention7Days: Retention
    /// True retention over the last 30 study days (today included).
    public var retention30Days: Retention
    /// True retention over all time.
    public var retentionAllTime: Retention
    /// The retention the scheduler aims for; `nil` for a total over decks that differ.
    public var desiredRetention: Double?
    /// The sum of the retrievability now of the cards in `memoryCards`.
    public var retrievabilitySum: Double
    /// Studied cards (not new, not suspended) whose retrievability is known.
    public var memoryCards: Int

    /// Zero figures for deck `id`.
    public init(id: String, desiredRetention: Double? = nil) {
        self.id = id
        new = 0
        learning = 0
        relearning = 0
        review = 0
        suspended = 0
        due = DueCounts()
        reviewsToday = 0
        practiceToday = 0
        studyMillisecondsToday = 0
        reviews = 0
        practice = 0
        retention7Days = Retention(reviews: 0, recalled: 0)
        retention30Days = Retention(reviews: 0, recalled: 0)
        retentionAllTime = Retention(reviews: 0, recalled: 0)
        self.desiredRetention = desiredRetention
        retrievabilitySum = 0
        memoryCards = 0
    }

    /// Every card, whatever its state.
    public var cards: Int { new + learning + review + suspended }

    /// Average memory: the mean retrievability now of the studied cards, i.e. the share of
    /// them you would recall right now; `nil` when none is known.
    public var averageRetrievability: Double? {
        memoryCards == 0 ? nil : retrievabilitySum / Double(memoryCards)
    }

    /// The figures of `self` and `other` together (the desired retention is kept only if both agree).
    public func adding(_ other: DeckStats) -> DeckStats {
        var sum = self
        sum.new += other.new
        sum.learning += other.learning
        sum.relearning += other.relearning
        sum.review += other.review
        sum.suspended += other.suspended
        sum.due = DueCounts(
            now: due.now + other.due.now, today: due.today + other.due.today,
            tomorrow: due.tomorrow + other.due.tomorrow)
        sum.reviewsToday += other.reviewsToday
        sum.practiceToday += other.practiceToday
        sum.studyMillisecondsToday += other.studyMillisecondsToday
        sum.reviews += other.reviews
        sum.practice += other.practice
        sum.retention7Days = retention7Days.adding(other.retention7Days)
        sum.retention30Days = retention30Days.adding(other.retention30Days)
        sum.retentionAllTime = retentionAllTime.adding(other.retentionAllTime)
        sum.desiredRetention = desiredRetention == other.desiredRetention ? desiredRetention : nil
        sum.retrievabilitySum += other.retrievabilitySum
        sum.memoryCards += other.memoryCards
        return sum
    }
}

extension Retention {
    /// Both tallies together.
    public func adding(_ other: Retention) -> Retention {
        Retention(reviews: reviews + other.reviews, recalled: recalled + other.recalled)
    }
}
