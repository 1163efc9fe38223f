import Decks
import Scheduling

extension Question {
    /// The question for `item` of `card`, or `nil` when the item does not belong to the card
    /// (a reverse item of a card that is not basic, a cloze number the text does not have,
    /// a cloze text that does not parse).
    ///
    /// Choice options are shuffled with `random`, so each call can give a new order; labels
    /// follow the shown order (a, b, c…).
    public init?(card: Card, item: StudyItem, deckTitle: String = "", random: inout SplitMix64) {
        let hint: String?
        let prompt: String
        let kind: QuestionKind
        let expected: String
        switch (card.content, item.variant) {
        case (.basic(let front, let back, _), .forward):
            (prompt, kind, expected, hint) = (front, .selfGraded(answer: back), back, card.hint)
        case (.basic(let front, let back, true), .reverse):
            (prompt, kind, expected, hint) = (back, .selfGraded(answer: front), front, card.hint)
        case (.typed(let text, let answers), .forward):
            guard let first = answers.first else { return nil }
            (prompt, kind, expected, hint) = (text, .typed(answers: answers), first, card.hint)
        case (.choice(let text, let choices, let answer), .forward):
            let order = random.shuffled(Array(choices.indices))
            let options = order.enumerated().map { shown, original in
                ChoiceOption(label: ChoiceOption.label(at: shown), text: choices[original])
            }
            guard let correct = options.firstIndex(where: { $0.text == answer }) else { return nil }
            let label = options[correct].label
            (prompt, kind, expected, hint) = (
                text, .choice(options: options, correct: correct), "\(label)) \(answer)", card.hint
            )
        case (.trueFalse(let statement, let answer), .forward):
            (prompt, kind, expected, hint) = (
                statement, .trueFalse(answer: answer), answer ? "true" : "false", card.hint
            )
        case (.cloze, .cloze(let number)):
            guard let cloze = card.clozeText else { return nil }
            let answers = cloze.answers(for: number)
            guard !answers.isEmpty else { return nil }
            let deletionHints = cloze.deletions.filter { $0.number == number }.compactMap(\.hint)
            let fallback = deletionHints.isEmpty ? nil : deletionHints.joined(separator: ", ")
            (prompt, kind, expected, hint) = (
                cloze.question(for: number), .cloze(answers: answers), cloze.answerText(for: number),
                card.hint ?? fallback
            )
        default:
            return nil
        }
        self.init(
            item: item, deckTitle: deckTitle, kind: kind, prompt: prompt, hint: hint, expectedAnswer: expected,
            explanation: card.explanation, source: card.source, location: card.location
        )
    }
}
