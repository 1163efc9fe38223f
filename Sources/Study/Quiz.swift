import Decks
import Foundation
import Scheduling

/// A practice test: questions picked at random from decks, graded automatically, logged
/// as practice without touching the schedule.
///
/// Only auto-graded items are asked: typed, cloze (each deletion is an item), choice and
/// true/false; basic cards never are. The pick is reproducible: the same decks, tags,
/// count and seed give the same questions in the same order with the same option order.
///
/// ```swift
/// var quiz = Quiz(decks: decks, tags: ["kathy"], count: 10, seed: seed)
/// while let question = quiz.next(at: clock()) {
///     switch quiz.submit(readLine(), at: clock()) {   // or quiz.giveUp(at:)
///     case .invalid(let message): ... // show it, ask again
///     case .graded(let answer): ...   // show answer.verdict; store.logPractice(answer)
///     }
/// }
/// show(quiz.result)
/// ```
public struct Quiz: Sendable {
    /// The questions, in the order they are asked.
    public let questions: [Question]
    /// How many items the decks and tags offered (the quiz asks at most `count` of them).
    public let available: Int
    /// The longest time one answer counts as taking.
    public let maximumAnswerDuration: TimeInterval

    private let matcher: AnswerMatcher
    private var index = 0
    private var shownAt: Date?
    private var answers: [QuizAnswer] = []

    /// The default number of questions.
    public static let defaultCount = 10

    /// Picks `count` questions at random from `decks`.
    ///
    /// - Parameters:
    ///   - decks: the decks to draw from (the caller picks them).
    ///   - tags: when not empty, only cards with at least one of these tags, compared
    ///     without regard to case; a deck's tags count as tags of each of its cards.
    ///   - count: how many questions (fewer when fewer are available); no item is asked twice.
    ///   - seed: the seed of the pick and of the option order.
    ///   - matcher: how typed answers are matched.
    ///   - maximumAnswerDuration: the cap on each answer's measured duration (60 s).
    public init(
        decks: [Deck], tags: [String] = [], count: Int = Quiz.defaultCount, seed: UInt64,
        matcher: AnswerMatcher = AnswerMatcher(), maximumAnswerDuration: TimeInterval = 60
    ) {
        let wanted = Set(tags.map { $0.lowercased() })
        var candidates: [(card: Card, item: StudyItem, deckTitle: String)] = []
        for deck in decks {
            let deckTags = deck.tags.map { $0.lowercased() }
            for card in deck.cards where Quiz.isAutoGraded(card.content) {
                if !wanted.isEmpty, wanted.isDisjoint(with: deckTags + card.tags.map { $0.lowercased() }) { continue }
                for item in card.studyItems(deckID: deck.id) {
                    candidates.append((card, item, deck.title))
                }
            }
        }
        var random = SplitMix64(seed: seed)
        var questions: [Question] = []
        for candidate in random.shuffled(candidates) where questions.count < max(0, count) {
            if let question = Question(
                card: candidate.card, item: candidate.item, deckTitle: candidate.deckTitle, random: &random)
            {
                questions.append(question)
            }
        }
        self.questions = questions
        available = candidates.count
        self.matcher = matcher
        self.maximumAnswerDuration = maximumAnswerDuration
    }

    /// Whether cards of this content are asked in quizzes (all but basic).
    public static func isAutoGraded(_ content: CardContent) -> Bool {
        if case .basic = content { return false }
        return true
    }

    /// The question being asked, if the quiz is not over.
    public var current: Question? {
        index < questions.count ? questions[index] : nil
    }

    /// The 1-based number of the current question (for "Question 3 of 10").
    public var number: Int {
        min(index + 1, questions.count)
    }

    /// The question to ask at `now`, or `nil` when every question has been answered.
    /// The answer's duration is measured from the first call that returns the question.
    public mutating func next(at now: Date) -> Question? {
        guard let question = current else { return nil }
        if shownAt == nil { shownAt = now }
        return question
    }

    /// Grades `input` as the answer to the current question and moves on; an invalid input
    /// (a letter no choice has, "maybe" to true/false) leaves the question waiting.
    /// With no question left the response is invalid: "The quiz is over."
    public mutating func submit(_ input: String, at now: Date) -> QuizResponse {
        guard let question = current else { return .invalid(message: "The quiz is over.") }
        switch question.grade(input, matcher: matcher) {
        case .invalid(let message):
            return .invalid(message: message)
        case .revealed:
            return .invalid(message: "This question is not graded automatically.")
        case .answered(let verdict):
            return .graded(
                record(question, answer: AnswerNormalization.collapsingWhitespace(input), verdict: verdict, at: now))
        }
    }

    /// Gives up on the current question: it counts as missed. `nil` when the quiz is over.
    public mutating func giveUp(at now: Date) -> QuizAnswer? {
        guard let question = current else { return nil }
        return record(question, answer: "", verdict: .incorrect(closest: nil, differences: []), at: now)
    }

    /// The answers given so far, in order.
    public var given: [QuizAnswer] {
        answers
    }

    /// The score so far (the final score once every question is answered).
    public var result: QuizResult {
        QuizResult(
            total: questions.count, answered: answers.count, correct: answers.count { $0.verdict.isCorrect },
            missed: answers.filter { !$0.verdict.isCorrect }
        )
    }

    private mutating func record(_ question: Question, answer: String, verdict: AnswerVerdict, at now: Date)
        -> QuizAnswer
    {
        let duration = min(max(0, now.timeIntervalSince(shownAt ?? now)), maximumAnswerDuration)
        let given = QuizAnswer(question: question, answer: answer, verdict: verdict, time: now, duration: duration)
        answers.append(given)
        index += 1
        shownAt = nil
        return given
    }
}
