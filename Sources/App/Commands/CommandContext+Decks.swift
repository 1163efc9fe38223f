import Decks

extension CommandContext {
    /// The decks named (every deck when none), checked along with `tags`.
    ///
    /// - Throws: `UsageError` for an unknown deck or tag (with the nearest suggested), or
    ///   when there are no decks at all.
    func chosenDecks(_ ids: [String], tags: [String] = []) throws -> [Deck] {
        let library = self.library
        let decks = try library.decks(named: ids)
        try library.checkTags(tags)
        guard !decks.isEmpty else { throw UsageError(noDecksMessage) }
        return decks
    }

    /// "no decks found: put deck files in /home/kathy/.local/share/recall/decks or pass --decks DIR".
    var noDecksMessage: String {
        "no decks found: put deck files in \(searchDirectories.user) or pass --decks DIR"
    }
}
