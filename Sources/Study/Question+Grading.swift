extension Question {
    /// What recall makes of `input` as the answer to this question.
    ///
    /// - basic: any input, even empty, reveals the answer (``Grade/revealed``).
    /// - typed: ``AnswerMatcher`` against every accepted answer. An empty answer is wrong
    ///   ("I don't know"), not a re-prompt.
    /// - cloze: the same for a single blank. With several blanks, the answers are typed in
    ///   order separated by `,` or `;` and each is matched against its blank; right only when
    ///   all are (a typo in any makes it right with a typo). If the number of parts differs,
    ///   the whole input is matched against all the answers joined with ", ".
    /// - choice: ``ChoiceSelection``; invalid input is a re-prompt.
    /// - truefalse: ``TrueFalseSelection``; invalid input is a re-prompt.
    public func grade(_ input: String, matcher: AnswerMatcher = AnswerMatcher()) -> Grade {
        switch kind {
        case .selfGraded:
            return .revealed
        case .typed(let answers):
            return .answered(matcher.check(input, against: answers))
        case .cloze(let answers):
            return .answered(Question.gradeCloze(input, answers: answers, matcher: matcher))
        case .choice(let options, let correct):
            switch ChoiceSelection.read(input, options: options, matcher: matcher) {
            case .invalid(let message): return .invalid(message: message)
            case .picked(let index):
                return .answered(index == correct ? .correct : .incorrect(closest: nil, differences: []))
            }
        case .trueFalse(let answer):
            switch TrueFalseSelection.read(input) {
            case .invalid(let message): return .invalid(message: message)
            case .answered(let given):
                return .answered(given == answer ? .correct : .incorrect(closest: nil, differences: []))
            }
        }
    }

    /// The verdict on a cloze answer with one or more blanks.
    static func gradeCloze(_ input: String, answers: [String], matcher: AnswerMatcher) -> AnswerVerdict {
        let joined = answers.joined(separator: ", ")
        guard answers.count > 1 else { return matcher.check(input, against: answers) }
        let parts = input.split(omittingEmptySubsequences: false) { $0 == "," || $0 == ";" }.map(String.init)
        guard parts.count == answers.count else { return matcher.check(input, against: [joined]) }
        let verdicts = zip(parts, answers).map { matcher.check($0, against: [$1]) }
        if verdicts.allSatisfy({ $0 == .correct }) { return .correct }
        var differences: [DiffSegment] = []
        var allClose = true
        for (index, (verdict, answer)) in zip(verdicts, answers).enumerated() {
            if index > 0 { differences.append(DiffSegment(.same, ", ")) }
            switch verdict {
            case .correct:
                differences.append(DiffSegment(.same, answer))
            case .correctWithTypo(_, let diff):
                differences += diff
            case .incorrect(let closest, let diff):
                allClose = allClose && closest != nil
                differences += diff.isEmpty ? AnswerDiff.segments(typed: parts[index], expected: answer) : diff
            }
        }
        differences = AnswerDiff.merge(differences)
        if verdicts.allSatisfy(\.isCorrect) { return .correctWithTypo(expected: joined, differences: differences) }
        return allClose
            ? .incorrect(closest: joined, differences: differences) : .incorrect(closest: nil, differences: [])
    }
}
