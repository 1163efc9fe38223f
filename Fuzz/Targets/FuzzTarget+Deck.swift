import Decks

extension FuzzTarget {
    /// The deck parser and validator: any bytes give a deck or problems, never a crash; a
    /// problem's message never carries a control or bidirectional character to the
    /// terminal; a valid deck's cards all make study items.
    public static let deck = FuzzTarget("deck") { bytes in
        let result = DeckLoader.load(bytes: Array(bytes), file: "fuzz.json")
        for problem in result.problems {
            precondition(
                FuzzInput.isPrintable(problem.description), "unsafe message: \(problem.description.debugDescription)")
        }
        if let deck = result.deck {
            precondition(!result.problems.contains { $0.isError }, "a deck with errors was loaded")
            for item in deck.studyItems { _ = deck.card(id: item.cardID) }
        }
    }
}
