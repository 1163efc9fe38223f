import Decks
import Foundation
import Scheduling
import Study
import Terminal

/// What a study session or quiz shows, as text: headers, questions, verdicts, buttons and
/// summaries. Pure functions of their inputs (no I/O), so they can be tested exactly.
///
/// Everything that comes from a deck goes through `Sanitizer` before it is shown.
public struct StudyScreen: Sendable {
    /// Bold and colour, when on.
    public var style: Style
    /// Wraps long text.
    public var wrapper: TextWrapper

    /// Creates a screen.
    public init(style: Style, wrapper: TextWrapper) {
        self.style = style
        self.wrapper = wrapper
    }

    /// Untrusted text made safe to print.
    func clean(_ text: String) -> String {
        Sanitizer.clean(text)
    }

    /// Untrusted text made safe and wrapped, every line indented by `indent`.
    func block(_ text: String, indent: String = "") -> String {
        wrapper.wrap(clean(text), indent: indent)
    }

    /// The header above a study question: `Plot · typed          new 3 · learning 1 · review 12`.
    ///
    /// When that is wider than the screen, the title and type are wrapped and the counts go
    /// on a line of their own, wrapped too.
    public func header(deckTitle: String, typeName: String, remaining: QueueCounts) -> String {
        let title = clean(deckTitle).replacingOccurrences(of: "\n", with: " ")
        let right = "new \(remaining.new) · learning \(remaining.learning) · review \(remaining.review)"
        let oneLineWidth = DisplayWidth.of(title) + DisplayWidth.of(" · " + typeName) + 4 + DisplayWidth.of(right)
        guard oneLineWidth > wrapper.width else {
            return style.bold(title) + style.dim(" · " + typeName) + "    " + style.dim(right)
        }
        let left = wrapper.wrap(title + " · " + typeName).split(separator: "\n", omittingEmptySubsequences: false)
        let counts = wrapper.wrap(right).split(separator: "\n", omittingEmptySubsequences: false)
        return (left.map { style.bold(String($0)) } + counts.map { style.dim(String($0)) }).joined(separator: "\n")
    }

    /// The question: its prompt, and the choices of a multiple-choice question.
    public func question(_ question: Question) -> String {
        var lines = [block(question.prompt)]
        switch question.kind {
        case .choice(let options, _):
            for option in options {
                lines.append(
                    wrapper.wrap(
                        clean(option.text), indent: "     ", firstIndent: "  " + style.cyan(option.label) + ") "))
            }
        case .trueFalse:
            lines.append(style.dim("  true or false?"))
        case .selfGraded, .typed, .cloze:
            break
        }
        return lines.joined(separator: "\n")
    }

    /// The prompt the answer is typed after.
    public func answerPrompt(for question: Question) -> String {
        switch question.kind {
        case .selfGraded: "(Enter shows the answer) > "
        case .typed, .cloze: "answer> "
        case .choice(let options, _): "\(options.first?.label ?? "a")-\(options.last?.label ?? "a")> "
        case .trueFalse: "t/f> "
        }
    }

    /// The back of a basic card, once revealed.
    public func revealed(_ question: Question) -> String {
        answer(for: question)
    }

    /// The verdict on an auto-graded answer, the expected answer and the explanation.
    public func verdict(_ verdict: AnswerVerdict, for question: Question) -> String {
        var lines: [String] = []
        switch verdict {
        case .correct:
            lines.append(style.green("Right."))
        case .correctWithTypo(_, let differences):
            lines.append(style.green("Right,") + " with a typo: " + diff(differences))
        case .incorrect(let closest, let differences):
            if closest != nil && !differences.isEmpty {
                lines.append(style.red("Wrong,") + " but close: " + diff(differences))
            } else {
                lines.append(style.red("Wrong."))
            }
        }
        if verdict == .correct && isShortChoice(question) {
            if let explanation = question.explanation { lines.append(block(explanation, indent: "  ")) }
        } else {
            lines.append(answer(for: question))
        }
        return lines.joined(separator: "\n")
    }

    /// The expected answer and the explanation.
    public func answer(for question: Question) -> String {
        var lines = [
            wrapper.wrap(clean(question.expectedAnswer), indent: "        ", firstIndent: style.bold("Answer: "))
        ]
        if let explanation = question.explanation { lines.append(block(explanation, indent: "  ")) }
        return lines.joined(separator: "\n")
    }

    /// Whether the expected answer is already plain from a right choice or true/false answer.
    private func isShortChoice(_ question: Question) -> Bool {
        switch question.kind {
        case .trueFalse, .choice: true
        default: false
        }
    }

    /// What differed: with colour, typed-only text struck out in red and expected-only text
    /// in green; without, `Hailsh[-e-]{+a+}m`.
    public func diff(_ segments: [DiffSegment]) -> String {
        guard style.isEnabled else { return clean(segments.rendered) }
        return segments.map { segment in
            let text = clean(segment.text)
            switch segment.kind {
            case .same: return text
            case .typedOnly: return style.red(style.struck(text))
            case .expectedOnly: return style.green(style.bold(text))
            }
        }.joined()
    }

    /// The rating buttons with their intervals: `1 again 10m  2 hard 2d  3 good 4d  4 easy 9d`,
    /// on as many lines as the screen's width needs (a button is never split).
    public func buttons(_ labels: [Rating: String], proposed: Rating? = nil) -> String {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for rating in Rating.allCases {
            let text = "\(rating.rawValue) \(rating)" + (labels[rating].map { " \($0)" } ?? "")
            let width = DisplayWidth.of(text)
            if lineWidth > 0 && lineWidth + 2 + width > wrapper.width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += "  "
                lineWidth += 2
            }
            line += rating == proposed ? style.bold(text) : text
            lineWidth += width
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The prompt of the rating: `rating [3 good]> ` when one is proposed.
    public func ratingPrompt(proposed: Rating?) -> String {
        guard let proposed else { return "rating 1-4> " }
        return "rating [\(proposed.rawValue) \(proposed)]> "
    }

    /// A duration for people: `45s`, `3m 12s`, `1h 05m`.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h \(String(format: "%02d", total % 3600 / 60))m"
    }

    /// `1 card`, `2 cards`.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
