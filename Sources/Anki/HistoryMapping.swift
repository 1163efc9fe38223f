import Foundation
import Progress
import Scheduling

/// Maps an Anki card's review log and schedule to recall's reviews and card state.
enum HistoryMapping {
    /// The progress of `card`, from its revlog rows (oldest first).
    ///
    /// Every row with ease 1 to 4 becomes a study review with its time and duration; the
    /// before and after states come from replaying the answers with recall's FSRS (fuzz
    /// off), which is how the memory state is estimated when Anki has none. Manual and
    /// reschedule rows are skipped and counted. The card's final state is Anki's: phase,
    /// learning step, due date and interval, reps, lapses, suspension, and Anki's FSRS
    /// memory state (`s`, `d` in `cards.data`) when it has one.
    static func map(
        _ card: AnkiCard, revlog: ArraySlice<AnkiRevlogEntry>, item: ItemRef, created: Int64,
        scheduler: FSRS, now: Date
    ) -> ImportedCardProgress {
        var reviews: [ReviewRecord] = []
        var skipped = 0
        var state: CardState?
        var lastAnswer: Date?
        for row in revlog {
            guard let review = review(row, after: state, item: item, scheduler: scheduler) else {
                skipped += 1
                continue
            }
            reviews.append(review)
            state = review.after
            lastAnswer = review.time
        }
        return ImportedCardProgress(
            reviews: reviews, answerCount: reviews.count,
            state: finalState(
                card, data: CardData(card.data), replayed: state, lastAnswer: lastAnswer, created: created,
                scheduler: scheduler, now: now),
            suspended: card.queue == -1, skippedRows: skipped)
    }

    /// What `map` gives, without the reviews: the final state, suspension and counts. The
    /// answers are replayed only when the state needs them (when Anki has no memory state).
    static func schedule(
        _ card: AnkiCard, revlog: ArraySlice<AnkiRevlogEntry>, created: Int64, scheduler: FSRS, now: Date
    ) -> ImportedCardProgress {
        var answers = 0
        var lastAnswerRow: AnkiRevlogEntry?
        for row in revlog where row.isAnswer && Rating(rawValue: row.ease) != nil {
            answers += 1
            lastAnswerRow = row
        }
        let data = CardData(card.data)
        var replayed: CardState?
        let hasMemoryState = data.difficulty != nil && (data.stability ?? 0) > 0
        if (1...3).contains(card.type) && !hasMemoryState {
            for row in revlog {
                if let answer = answer(row, after: replayed, scheduler: scheduler) { replayed = answer.after }
            }
        }
        return ImportedCardProgress(
            reviews: [], answerCount: answers,
            state: finalState(
                card, data: data, replayed: replayed,
                lastAnswer: lastAnswerRow.map { Date(timeIntervalSince1970: Double($0.id) / 1000) }, created: created,
                scheduler: scheduler, now: now),
            suspended: card.queue == -1, skippedRows: revlog.count - answers)
    }

    /// The card's state now: Anki's phase, step, due, reps and lapses, with its memory state
    /// (`data`), else the one `replayed` from its answers, else one made from its interval.
    private static func finalState(
        _ card: AnkiCard, data: CardData, replayed state: CardState?, lastAnswer: Date?, created: Int64,
        scheduler: FSRS, now: Date
    ) -> CardState {
        var final = CardState.new(due: now)
        final.reps = card.reps
        final.lapses = card.lapses
        switch card.type {
        case 1, 3:
            final.phase = card.type == 1 ? .learning : .relearning
            let steps = card.type == 1 ? scheduler.learningSteps : scheduler.relearningSteps
            let remaining = card.left % 1000
            final.step = min(max(steps.count - remaining, 0), max(steps.count - 1, 0))
            final.due = dueDate(card, created: created)
        case 2:
            final.phase = .review
            final.due = dueDate(card, created: created)
        default:
            break
        }
        if final.phase != .new {
            if let stability = data.stability, let difficulty = data.difficulty, stability > 0 {
                final.stability = max(stability, FSRS.minimumStability)
                final.difficulty = min(
                    max(difficulty, FSRS.difficultyRange.lowerBound), FSRS.difficultyRange.upperBound)
            } else if let replayed = state, replayed.stability != nil {
                final.stability = replayed.stability
                final.difficulty = replayed.difficulty
            } else {
                // No history and no memory state: the stability that gives the desired
                // retention at the interval Anki chose, a middling difficulty.
                final.stability = max(Double(max(card.interval, 1)), FSRS.minimumStability)
                final.difficulty = 5
            }
            final.lastReview =
                (data.lastReview ?? lastAnswer
                ?? (final.phase == .review ? final.due.addingTimeInterval(-Double(card.interval) * 86_400) : nil))
                .map(clamped)
        }
        return final
    }

    /// The study review of one revlog row, following the card's state `previous` (`nil`
    /// before its first answer); `nil` for a row that is not an answer.
    static func review(_ row: AnkiRevlogEntry, after previous: CardState?, item: ItemRef, scheduler: FSRS)
        -> ReviewRecord?
    {
        guard let answer = answer(row, after: previous, scheduler: scheduler) else { return nil }
        return .study(
            item, rating: answer.rating, at: answer.time, before: answer.before, after: answer.after,
            durationMilliseconds: answer.durationMilliseconds)
    }

    /// The answer of one revlog row (what `review` makes a review of), or `nil`.
    static func answer(_ row: AnkiRevlogEntry, after previous: CardState?, scheduler: FSRS) -> (
        time: Date, rating: Rating, durationMilliseconds: Int, before: CardState, after: CardState
    )? {
        guard row.isAnswer, let rating = Rating(rawValue: row.ease) else { return nil }
        let time = Date(timeIntervalSince1970: Double(row.id) / 1000)
        let before = previous ?? CardState.new(due: time)
        let after = scheduler.review(before, rating: rating, at: time)
        return (time, rating, max(0, row.milliseconds), before, after)
    }

    /// A card's due date: Unix seconds for (re)learning cards in the intraday queue, else a
    /// day counted from the collection's creation. A card in a filtered deck uses its home due.
    static func dueDate(_ card: AnkiCard, created: Int64) -> Date {
        let value = card.originalDeckID != 0 && card.originalDue != 0 ? card.originalDue : card.due
        if value > 1_000_000_000 { return clamped(Date(timeIntervalSince1970: Double(value))) }
        return clamped(Date(timeIntervalSince1970: Double(created) + Double(value) * 86_400))
    }

    /// The latest time a date read from a collection may be (the end of the year 9999): a
    /// damaged or hostile due date or last review past it is taken as that.
    static let latestDate = Date(timeIntervalSince1970: 253_402_300_799)

    /// `date`, within 1970 to 9999 (what the store keeps in milliseconds without overflow).
    static func clamped(_ date: Date) -> Date {
        guard date.timeIntervalSince1970.isFinite else { return latestDate }
        return min(max(date, Date(timeIntervalSince1970: 0)), latestDate)
    }
}
