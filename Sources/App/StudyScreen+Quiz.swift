import Study

extension StudyScreen {
    /// The end of a quiz: the score, then every missed question with what was typed and the answer.
    public func quizResult(_ result: QuizResult, ending: SessionEnding) -> String {
        var lines: [String] = []
        if let message = ending.message?.replacingOccurrences(of: "Session", with: "Quiz") { lines.append(message) }
        guard result.answered > 0 else {
            lines.append("No questions answered.")
            return lines.joined(separator: "\n")
        }
        var score = style.bold("Score: \(result.score)")
        if result.answered < result.total { score += " (\(result.answered) of \(result.total) questions answered)" }
        lines.append(score + ".")
        if result.missed.isEmpty {
            lines.append(style.green("No question missed."))
            return lines.joined(separator: "\n")
        }
        lines.append("Missed:")
        for (index, answer) in result.missed.enumerated() {
            let lead = "  \(index + 1). "
            let indent = String(repeating: " ", count: lead.count)
            lines.append(wrapper.wrap(clean(answer.question.prompt), indent: indent, firstIndent: lead))
            let typed = answer.answer.isEmpty ? style.dim("(skipped)") : clean(answer.answer)
            lines.append(indent + "you: " + typed)
            lines.append(
                wrapper.wrap(
                    clean(answer.question.expectedAnswer), indent: indent + "     ",
                    firstIndent: indent + style.bold("answer: ")))
        }
        return lines.joined(separator: "\n")
    }
}
