import Decks
import Foundation
import Scheduling

/// A spaced-repetition study session: which item to ask next, checking the answers,
/// rating, skipping, burying, suspending and undoing. A state machine with no terminal,
/// no database and no clock: every call that depends on time is given the time.
///
/// ## Order
/// Items due for learning come first (soonest due first); then reviews and new items
/// interleaved, reviews leading: with `r` reviews and `n` new items still queued, a new
/// item comes once `max(1, r / n)` reviews have been shown since the last one, which
/// spreads new items evenly (6 reviews and 2 new: R R N R R N R R; 1 new among 8 reviews
/// comes fifth; 2 reviews and 4 new: R N R N N N); then skipped items, in the order
/// skipped. Learning items come back within the session as soon as their step is due,
/// ahead of everything else. When nothing else is left, the next learning item is shown early if it is due
/// within ``StudySessionOptions/learnAheadLimit`` (20 minutes, as Anki does); otherwise the
/// session ends and ``summary(at:)`` lists the learning items still waiting.
///
/// ## Driving a session
/// ```swift
/// var session = StudySession(cards: due, scheduler: fsrs, startedAt: clock())
/// while let question = session.next(at: clock()) {
///     // header: question.deckTitle, question.typeName, session.remaining(at: clock())
///     switch session.submit(readLine(), at: clock()) {
///     case .invalid(let message): ... // show it, read again (submit again)
///     case .revealed: ...            // show the back and session.intervalLabels; read 1-4
///     case .answered(let verdict): ... // show the verdict; Enter accepts proposedRating
///     }
///     if let review = session.rate(rating, at: clock()) { try store.save(review) }  // before next
/// }
/// show(session.summary(at: clock()))
/// ```
/// `:skip`, `:bury`, `:suspend` and `:undo` are ``skip()``, ``bury(until:)``,
/// ``suspend()`` and ``undo(at:)``; the last three return the change to save (or to
/// take back). `:quit` is simply not asking for the next question.
///
/// ## Counting
/// An answer rated again counts as wrong; hard, good and easy count as right — whatever
/// the verdict was, since the user may override it (an answer the matcher found wrong but
/// the user rated good was, in their judgement, right).
public struct StudySession: Sendable {
    /// The options the session was started with.
    public let options: StudySessionOptions
    /// When the session started.
    public let startedAt: Date
    /// Items given that cannot be asked (see ``Question/init(card:item:deckTitle:random:)``)
    /// and duplicates of an item already given; left out of the session.
    public let leftOut: [StudyItem]

    private let defaultScheduler: any Scheduler
    private let deckSchedulers: [String: any Scheduler]
    private var queues: SessionQueues
    private var history: [(queues: SessionQueues, change: SessionChange)] = []

    /// Starts a session over `cards`.
    ///
    /// - Parameters:
    ///   - cards: the items to study with their states: learning and relearning items
    ///     (any due time today: each is asked when due), reviews due, and new items up to
    ///     the day's limit. Each goes to the queue of its phase. Reviews and new items are
    ///     asked in the order given; learning items by due time.
    ///   - scheduler: the scheduler for decks not in `deckSchedulers`.
    ///   - deckSchedulers: a scheduler per deck id, for decks with their own settings.
    ///   - options: learn-ahead limit, answer duration cap, seed, matcher.
    ///   - startedAt: the time the session starts.
    public init(
        cards: [StudyCard], scheduler: any Scheduler, deckSchedulers: [String: any Scheduler] = [:],
        options: StudySessionOptions = StudySessionOptions(), startedAt: Date
    ) {
        self.options = options
        self.startedAt = startedAt
        defaultScheduler = scheduler
        self.deckSchedulers = deckSchedulers
        var queues = SessionQueues(seed: options.seed)
        var seen: Set<String> = []
        var leftOut: [StudyItem] = []
        var probe = SplitMix64(seed: 0)
        for card in cards {
            let key = card.item.deckID + "\u{0}" + card.item.key
            guard Question(card: card.card, item: card.item, random: &probe) != nil, seen.insert(key).inserted else {
                leftOut.append(card.item)
                continue
            }
            switch card.category {
            case .learning: queues.enqueueLearning(card)
            case .review: queues.reviews.append(card)
            case .new: queues.new.append(card)
            }
        }
        self.queues = queues
        self.leftOut = leftOut
    }

    /// The question being asked, if one is.
    public var current: Question? {
        queues.current?.question
    }

    /// The state of the item being asked (before it is rated), if one is.
    public var currentState: CardState? {
        queues.current?.card.state
    }

    /// The question to ask at `now`: the current one if it has not been rated yet,
    /// otherwise the next in order (see the type's documentation); `nil` when the
    /// session is over.
    ///
    /// A multiple-choice question gets a new option order each time it is taken from the
    /// queue (not when the same question is returned again).
    public mutating func next(at now: Date) -> Question? {
        if let current = queues.current { return current.question }
        while let card = queues.takeNext(at: now, learnAhead: options.learnAheadLimit) {
            if let question = Question(
                card: card.card, item: card.item, deckTitle: card.deckTitle, random: &queues.random)
            {
                queues.current = PresentedQuestion(card: card, question: question, shownAt: now)
                return question
            }
        }
        return nil
    }

    /// What is left at `now`, counting the question being asked: new · learning · review.
    /// Learning items count when due within the learn-ahead limit.
    public func remaining(at now: Date) -> QueueCounts {
        queues.counts(at: now, learnAhead: options.learnAheadLimit)
    }

    /// Checks `input` as the answer to the current question (see ``Question/grade(_:matcher:)``).
    ///
    /// An ``Grade/invalid(message:)`` grade leaves the question waiting for another answer.
    /// Once an answer is graded, further calls return the same grade: an answer is not
    /// taken back by typing another (rate it, or undo). With no current question the grade
    /// is invalid with the message "There is no question to answer."
    public mutating func submit(_ input: String, at now: Date) -> Grade {
        guard var current = queues.current else { return .invalid(message: "There is no question to answer.") }
        if let grade = current.grade { return grade }
        let grade = current.question.grade(input, matcher: options.matcher)
        if case .invalid = grade { return grade }
        current.grade = grade
        let trimmed = AnswerNormalization.collapsingWhitespace(input)
        current.answer = trimmed.isEmpty ? nil : trimmed
        current.answeredAt = now
        queues.current = current
        return grade
    }

    /// The grade of the current question's answer, once submitted.
    public var currentGrade: Grade? {
        queues.current?.grade
    }

    /// The state each rating would give the current item at `now` (for the buttons);
    /// empty when no question is being asked.
    public func previewIntervals(at now: Date) -> [Rating: CardState] {
        guard let current = queues.current else { return [:] }
        return scheduler(for: current.card.item).preview(current.card.state, at: now)
    }

    /// The interval label each rating would give the current item at `now` ("10m", "2d"),
    /// for `1 again 10m  2 hard 2d  3 good 4d  4 easy 9d`; empty when no question is asked.
    public func intervalLabels(at now: Date) -> [Rating: String] {
        guard let current = queues.current else { return [:] }
        return scheduler(for: current.card.item).intervalLabels(current.card.state, at: now)
    }

    /// Rates the current item at `now` and returns the review to save before asking the
    /// next question; `nil` when no question is being asked.
    ///
    /// The item's new state comes from its deck's scheduler. If the item is (re)learning
    /// afterwards it goes back into the session's learning queue, to be asked again when
    /// its step is due. A question may be rated without an answer being submitted (a basic
    /// card revealed by the caller, or an auto-graded question the user chose to rate).
    ///
    /// With `buryingSiblingsUntil` (the start of the next study day), the card's other items
    /// still waiting in the session as new cards or reviews (or skipped) leave it, buried
    /// until then, unless the deck is in ``StudySessionOptions/siblingsKeptIn``; the review
    /// lists them (``SessionReview/buriedSiblings``) to be saved with it. Siblings in the
    /// learning steps stay, as in Anki. Undo brings them back.
    public mutating func rate(_ rating: Rating, at now: Date, buryingSiblingsUntil until: Date? = nil) -> SessionReview?
    {
        guard let current = queues.current else { return nil }
        let snapshot = queues
        let before = current.card.state
        let after = scheduler(for: current.card.item).review(before, rating: rating, at: now)
        let answered = current.answeredAt ?? now
        let duration = min(max(0, answered.timeIntervalSince(current.shownAt)), options.maximumAnswerDuration)
        var review = SessionReview(
            item: current.card.item, rating: rating, before: before, after: after, time: now, duration: duration,
            answer: current.answer, verdict: current.grade?.verdict
        )
        if let until, !options.siblingsKeptIn.contains(current.card.item.deckID) {
            review.buriedSiblings = queues.removeSiblings(of: current.card.item)
            if !review.buriedSiblings.isEmpty { review.siblingsBuriedUntil = until }
        }
        queues.current = nil
        queues.studied += 1
        if before.phase == .new { queues.newStudied += 1 }
        queues.ratings[rating, default: 0] += 1
        queues.answeringTime += duration
        if after.phase == .learning || after.phase == .relearning {
            var card = current.card
            card.state = after
            queues.enqueueLearning(card)
        }
        history.append((snapshot, .reviewed(review)))
        return review
    }

    /// The state `review`'s rating gives at its time when applied to `state` instead of the
    /// state it was given to: for a store that found the item answered elsewhere meanwhile.
    public func reschedule(_ review: SessionReview, from state: CardState) -> CardState {
        scheduler(for: review.item).review(state, rating: review.rating, at: review.time)
    }

    /// Takes in the last review as it was saved, when the store applied it to a newer state
    /// than the session had (see ``reschedule(_:from:)``): the item waits in the learning
    /// queue with its saved state, or leaves it, and undo restores the state saved as before.
    public mutating func adoptSaved(before: CardState, after: CardState) {
        guard let last = history.popLast(), case .reviewed(var review) = last.change else { return }
        review.before = before
        review.after = after
        let item = review.item
        queues.learning.removeAll { $0.card.item == item }
        if after.phase == .learning || after.phase == .relearning,
            var card = last.queues.current?.card
        {
            card.state = after
            queues.enqueueLearning(card)
        }
        var snapshot = last.queues
        if var current = snapshot.current {
            current.card.state = before
            snapshot.current = current
        }
        history.append((snapshot, .reviewed(review)))
    }

    /// Puts the current question aside: it comes back after every other review and new
    /// item of the session (and after the other skipped ones). Nothing is saved and skip
    /// is not undone by ``undo(at:)``. Returns whether there was a question to skip.
    @discardableResult
    public mutating func skip() -> Bool {
        guard let current = queues.current else { return false }
        queues.current = nil
        queues.skipped.append(current.card)
        return true
    }

    /// Buries the current item until `until` (the caller gives the start of the next
    /// study day) and returns the change to save; `nil` when no question is being asked.
    public mutating func bury(until: Date) -> SessionChange? {
        guard let current = queues.current else { return nil }
        let change = SessionChange.buried(current.card.item, until: until)
        history.append((queues, change))
        queues.current = nil
        queues.buried += 1
        return change
    }

    /// Suspends the current item and returns the change to save; `nil` when no question is
    /// being asked.
    public mutating func suspend() -> SessionChange? {
        guard let current = queues.current else { return nil }
        let change = SessionChange.suspended(current.card.item)
        history.append((queues, change))
        queues.current = nil
        queues.suspended += 1
        return change
    }

    /// Takes back the last rating, bury or suspend, and returns it so the caller can take
    /// it back in the store too; `nil` when there is nothing to undo. Repeatable, back to
    /// the start of the session.
    ///
    /// The session returns exactly to where it was just before that change: the item is
    /// the current question again (same option order, answer not yet submitted, shown
    /// anew at `now`), its state is the state before, and every queue and tally is as it
    /// was. The question that was being asked, if any, goes back to its place.
    public mutating func undo(at now: Date) -> SessionChange? {
        guard let last = history.popLast() else { return nil }
        queues = last.queues
        if var current = queues.current {
            current.grade = nil
            current.answer = nil
            current.answeredAt = nil
            current.shownAt = now
            queues.current = current
        }
        return last.change
    }

    /// Whether ``undo(at:)`` has something to take back.
    public var canUndo: Bool {
        !history.isEmpty
    }

    /// The figures for the end screen at `now` (also valid mid-session, after `:quit`).
    public func summary(at now: Date) -> SessionSummary {
        var ratings: [Rating: Int] = [:]
        for rating in Rating.allCases { ratings[rating] = queues.ratings[rating, default: 0] }
        let wrong = ratings[.again, default: 0]
        var waiting = queues.learning.map(\.card)
        var notReached = QueueCounts()
        for card in queues.reviews + queues.new + queues.skipped { notReached.add(card.category) }
        if let current = queues.current {
            // Asked but not rated: a learning item still waits for its step; others were not reached.
            if current.card.category == .learning {
                waiting.append(current.card)
            } else {
                notReached.add(current.card.category)
            }
        }
        let pending = waiting.enumerated()
            .sorted { ($0.element.state.due, $0.offset) < ($1.element.state.due, $1.offset) }
            .map { SessionSummary.PendingItem(item: $0.element.item, due: $0.element.state.due) }
        return SessionSummary(
            studied: queues.studied, newStudied: queues.newStudied, right: queues.studied - wrong, wrong: wrong,
            ratings: ratings, buried: queues.buried, suspended: queues.suspended, startedAt: startedAt,
            elapsed: max(0, now.timeIntervalSince(startedAt)), answeringTime: queues.answeringTime,
            pendingLearning: pending, notReached: notReached
        )
    }

    private func scheduler(for item: StudyItem) -> any Scheduler {
        deckSchedulers[item.deckID] ?? defaultScheduler
    }
}
