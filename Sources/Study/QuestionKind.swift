/// How a question is answered, with what checking the answer needs.
public enum QuestionKind: Sendable, Hashable {
    /// A basic card: any input (Enter) reveals `answer`, and the user rates themselves.
    case selfGraded(answer: String)
    /// A typed answer; any of `answers` is accepted.
    case typed(answers: [String])
    /// A cloze deletion: one answer per blank, in text order (usually one).
    case cloze(answers: [String])
    /// Multiple choice: the options as shown (shuffled, labelled a, b, …) and the index of
    /// the correct one among them.
    case choice(options: [ChoiceOption], correct: Int)
    /// A statement that is `answer` (true or false).
    case trueFalse(answer: Bool)
}
