import Study

extension FuzzTarget {
    /// The answer matcher: the input is the typed answer, then accepted answers, separated
    /// by NUL bytes. Any answer gets a verdict; an accepted answer typed exactly is correct.
    public static let answer = FuzzTarget("answer") { bytes in
        let texts = FuzzInput.texts(bytes)
        let typed = texts[0]
        let accepted = Array(texts.dropFirst())
        let matcher = AnswerMatcher()
        _ = matcher.check(typed, against: accepted)
        if let first = accepted.first {
            let verdict = matcher.check(first, against: accepted)
            if case .incorrect = verdict, first.contains(where: { $0.isLetter || $0.isNumber }) {
                preconditionFailure("an accepted answer typed exactly is not correct: \(first.debugDescription)")
            }
        }
    }
}
