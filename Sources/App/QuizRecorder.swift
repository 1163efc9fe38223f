import Study

/// Where a quiz's answers are saved, as practice that leaves the schedule alone.
public protocol QuizRecorder: AnyObject {
    /// Saves one practice answer; it must be on disk when this returns.
    func save(_ answer: QuizAnswer) throws
    /// Records the end of the quiz.
    func finish(_ result: QuizResult) throws
}
