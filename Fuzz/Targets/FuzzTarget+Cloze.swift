import Decks

extension FuzzTarget {
    /// The cloze parser: any text parses or gives a syntax error; every deletion number of a
    /// parsed text makes a question and answers.
    public static let cloze = FuzzTarget("cloze") { bytes in
        let text = FuzzInput.text(bytes)
        do throws(ClozeSyntaxError) {
            let cloze = try ClozeText(parsing: text)
            precondition(!cloze.numbers.isEmpty, "a cloze text without deletions parsed")
            for number in cloze.numbers {
                _ = cloze.question(for: number)
                precondition(!cloze.answers(for: number).isEmpty, "deletion c\(number) has no answer")
                _ = cloze.answerText(for: number)
            }
            _ = cloze.fullText
        } catch {
            _ = error.description
        }
    }
}
