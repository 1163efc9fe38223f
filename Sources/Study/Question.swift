import Decks

/// What to ask for one study item, and how to check the answer.
///
/// Built from a card and the item (side or cloze deletion) by
/// ``init(card:item:deckTitle:random:)``. Everything is plain text as written in the deck:
/// it is untrusted, and the terminal must sanitise it before printing.
public struct Question: Sendable, Hashable {
    /// The item being asked (deck, card, side or deletion).
    public var item: StudyItem
    /// The title of the item's deck, for the header.
    public var deckTitle: String
    /// How the question is asked and answered.
    public var kind: QuestionKind
    /// What to show: the front (the back for a reverse item), the typed or choice prompt,
    /// the true/false statement, or the cloze text with the asked deletion as blanks
    /// (`[...]`, or `[hint]`) and the others filled in.
    public var prompt: String
    /// The hint for `:hint`: the card's hint; for a cloze without one, its deletions' hints
    /// joined with ", "; `nil` when there is none (see ``letterHint``).
    public var hint: String?
    /// The answer to show once answered: the back (front for reverse), the first accepted
    /// typed answer, the cloze answers joined with ", ", the correct choice as
    /// `b) Hailsham`, or `true` / `false`.
    public var expectedAnswer: String
    /// The card's explanation, shown after the answer.
    public var explanation: String?
    /// The id of the deck source the card cites.
    public var source: String?
    /// Where in the source ("p. 271").
    public var location: String?

    /// Creates a question from all of its parts.
    public init(
        item: StudyItem, deckTitle: String, kind: QuestionKind, prompt: String, hint: String?,
        expectedAnswer: String, explanation: String?, source: String?, location: String?
    ) {
        self.item = item
        self.deckTitle = deckTitle
        self.kind = kind
        self.prompt = prompt
        self.hint = hint
        self.expectedAnswer = expectedAnswer
        self.explanation = explanation
        self.source = source
        self.location = location
    }

    /// The card type's name, for the header: basic, typed, choice, truefalse, cloze.
    public var typeName: String {
        switch kind {
        case .selfGraded: "basic"
        case .typed: "typed"
        case .cloze: "cloze"
        case .choice: "choice"
        case .trueFalse: "truefalse"
        }
    }

    /// Whether recall grades the answer itself (all but basic cards); quizzes ask only these.
    public var isAutoGraded: Bool {
        if case .selfGraded = kind { return false }
        return true
    }

    /// A fallback hint for typed and cloze questions: the expected answer with each word
    /// reduced to its first letter and underscores (`Kathy H.` → `K____ H.`); `nil` for other
    /// kinds.
    public var letterHint: String? {
        let answers: [String]
        switch kind {
        case .typed(let accepted): answers = Array(accepted.prefix(1))
        case .cloze(let blanks): answers = blanks
        case .selfGraded, .choice, .trueFalse: return nil
        }
        return answers.map(Question.maskingLetters).joined(separator: ", ")
    }

    /// `Kathy H.` → `K____ H.`: every letter or digit after a word's first becomes `_`.
    static func maskingLetters(_ text: String) -> String {
        var result = ""
        var inWord = false
        for character in text {
            if character.isLetter || character.isNumber {
                result.append(inWord ? "_" : character)
                inWord = true
            } else {
                result.append(character)
                inWord = false
            }
        }
        return result
    }
}
