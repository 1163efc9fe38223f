/// The type of a card and the fields that go with it.
public enum CardContent: Sendable, Hashable {
    /// A front and a back, self-graded; `reverse` also asks back → front.
    case basic(front: String, back: String, reverse: Bool)
    /// A prompt answered by typing; any of `answers` is accepted.
    case typed(prompt: String, answers: [String])
    /// A multiple-choice question; `answer` is the text of the correct choice.
    case choice(prompt: String, choices: [String], answer: String)
    /// A statement to judge true or false.
    case trueFalse(statement: String, answer: Bool)
    /// Text with deletions `{{c1::answer}}` or `{{c1::answer::hint}}`.
    case cloze(text: String)

    /// The type's name as written in deck files: basic, typed, choice, truefalse, cloze.
    public var typeName: String {
        switch self {
        case .basic: "basic"
        case .typed: "typed"
        case .choice: "choice"
        case .trueFalse: "truefalse"
        case .cloze: "cloze"
        }
    }
}
