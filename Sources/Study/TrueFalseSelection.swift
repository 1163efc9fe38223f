/// Reading a true/false answer.
public enum TrueFalseSelection: Sendable, Hashable {
    /// The user answered true or false.
    case answered(Bool)
    /// The input is neither; ask again, showing the message.
    case invalid(message: String)

    /// The reminder shown for input that is neither true nor false.
    public static let usage = "Type t or f (true or false, y or n, yes or no)."

    /// Reads `input`: `t`, `true`, `y`, `yes` are true; `f`, `false`, `n`, `no` are false;
    /// case, accents, surrounding spaces and punctuation (`True.`, `no!`) do not matter.
    public static func read(_ input: String) -> TrueFalseSelection {
        let words = AnswerNormalization.words(input)
        guard words.count == 1 else { return .invalid(message: usage) }
        switch words[0] {
        case "t", "true", "y", "yes": return .answered(true)
        case "f", "false", "n", "no": return .answered(false)
        default: return .invalid(message: usage)
        }
    }
}
