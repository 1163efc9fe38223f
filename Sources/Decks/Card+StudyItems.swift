extension Card {
    /// The things to study this card gives, in order.
    ///
    /// One `.forward` item for every card, plus `.reverse` for a `basic` card with
    /// `reverse`; a cloze card gives one `.cloze(N)` item per distinct deletion number,
    /// ascending, and none when its text does not parse (the validator rejects such cards).
    public func studyItems(deckID: String) -> [StudyItem] {
        switch content {
        case .basic(_, _, let reverse):
            let forward = StudyItem(deckID: deckID, cardID: id, variant: .forward)
            return reverse ? [forward, StudyItem(deckID: deckID, cardID: id, variant: .reverse)] : [forward]
        case .typed, .choice, .trueFalse:
            return [StudyItem(deckID: deckID, cardID: id, variant: .forward)]
        case .cloze(let text):
            guard let cloze = try? ClozeText(parsing: text) else { return [] }
            return cloze.numbers.map { StudyItem(deckID: deckID, cardID: id, variant: .cloze($0)) }
        }
    }

    /// The parsed cloze text of a cloze card; nil for other types or unparsable text.
    public var clozeText: ClozeText? {
        guard case .cloze(let text) = content else { return nil }
        return try? ClozeText(parsing: text)
    }
}
