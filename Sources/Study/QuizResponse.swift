/// What a quiz makes of an answer.
public enum QuizResponse: Sendable, Hashable {
    /// Graded: show the verdict, the expected answer and the explanation, and log the answer
    /// as practice.
    case graded(QuizAnswer)
    /// Not an answer (see ``Grade/invalid(message:)``): show the message and ask again.
    case invalid(message: String)
}
