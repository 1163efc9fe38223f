/// The end of a quiz: the score and every missed question with its correct answer.
public struct QuizResult: Sendable, Hashable {
    /// Questions in the quiz.
    public var total: Int
    /// Questions answered (fewer than `total` when the quiz was quit early).
    public var answered: Int
    /// Answers that were right (typos forgiven).
    public var correct: Int
    /// The wrong answers, in the order asked; each has its question (with
    /// ``Question/expectedAnswer`` and ``Question/explanation``) and what was typed.
    public var missed: [QuizAnswer]

    /// Creates a result from its parts (the quiz makes them; this is for tests and screens).
    public init(total: Int, answered: Int, correct: Int, missed: [QuizAnswer]) {
        self.total = total
        self.answered = answered
        self.correct = correct
        self.missed = missed
    }

    /// `correct` out of `answered`, as a percentage rounded to the nearest whole number
    /// (`nil` when nothing was answered).
    public var percentage: Int? {
        guard answered > 0 else { return nil }
        return Int((Double(correct) * 100 / Double(answered)).rounded())
    }

    /// The score as shown: `7/10 (70%)`, or `0/0` when nothing was answered.
    public var score: String {
        guard let percentage else { return "0/0" }
        return "\(correct)/\(answered) (\(percentage)%)"
    }
}
