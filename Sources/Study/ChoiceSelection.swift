/// Reading a multiple-choice answer: a letter, or the text of a choice.
public enum ChoiceSelection: Sendable, Hashable {
    /// The option at this index of the options shown was picked.
    case picked(Int)
    /// The input does not pick an option; ask again, showing the message.
    case invalid(message: String)

    /// Reads `input` against the `options` shown.
    ///
    /// - A label, case-insensitive, optionally followed by `)` or `.`: `b`, `B)`, `b.`.
    /// - Otherwise the text of a choice, normalised like any answer (see
    ///   ``AnswerNormalization``), then with ``AnswerMatcher``'s typo tolerance; the text must
    ///   pick exactly one option.
    /// - Anything else is invalid: an empty line, a single letter that labels nothing
    ///   (`z` when the options run a to d), text that matches no choice or several.
    public static func read(_ input: String, options: [ChoiceOption], matcher: AnswerMatcher = AnswerMatcher())
        -> ChoiceSelection
    {
        let trimmed = AnswerNormalization.collapsingWhitespace(input)
        let usage = usage(options)
        guard !trimmed.isEmpty else { return .invalid(message: usage) }
        var token = trimmed.lowercased()
        if token.hasSuffix(")") || token.hasSuffix(".") { token.removeLast() }
        if let index = options.firstIndex(where: { $0.label == token }) { return .picked(index) }
        if token.count == 1, token.allSatisfy({ $0.isASCII && $0.isLetter }) {
            return .invalid(message: "There is no choice \(token). \(usage)")
        }
        let typedWords = AnswerNormalization.words(trimmed)
        let exact = options.indices.filter {
            AnswerNormalization.sameWords(AnswerNormalization.words(options[$0].text), typedWords)
        }
        if exact.count == 1 { return .picked(exact[0]) }
        let close =
            exact.isEmpty
            ? options.indices.filter { matcher.check(trimmed, against: options[$0].text).isCorrect } : exact
        switch close.count {
        case 1: return .picked(close[0])
        case 0: return .invalid(message: "\"\(trimmed)\" is not one of the choices. \(usage)")
        default: return .invalid(message: "\"\(trimmed)\" matches more than one choice. \(usage)")
        }
    }

    /// The reminder of what to type: "Type a letter from a to d, or the text of a choice."
    static func usage(_ options: [ChoiceOption]) -> String {
        guard let first = options.first?.label, let last = options.last?.label else {
            return "There are no choices."
        }
        return "Type a letter from \(first) to \(last), or the text of a choice."
    }
}
