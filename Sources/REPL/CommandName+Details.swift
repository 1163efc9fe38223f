extension CommandName {
    /// The help shown by `help COMMAND`: the summary and everything else worth knowing.
    public var details: String {
        switch self {
        case .decks:
            return summary
        case .study:
            return summary + """

                Due learning cards come first, then due reviews, then new cards up to the \
                day's limit. Type the answer (or press Enter to reveal a basic card), then \
                rate it: 1 again, 2 hard, 3 good, 4 easy; Enter accepts the proposed rating.
                During a session: :hint  :skip (comes back later)  :bury (until tomorrow)  \
                :suspend  :undo (the previous answer)  :quit. Ctrl-C ends the session too; \
                every answer is saved as soon as it is given.
                --tag T  only cards (or decks) tagged T; repeat for several tags.
                """
        case .quiz:
            return summary + """

                Questions are typed, cloze, choice and true/false cards at random; at the \
                end, the score and every missed question with its answer.
                --count N  how many questions (default 10)
                --tag T    only cards (or decks) tagged T; repeat for several tags.
                """
        case .stats:
            return summary + "\n" + StatsScreen.details
        case .settings:
            return summary + """

                Without a deck, the defaults every deck uses unless it has its own settings.
                --scheduler fsrs|sm2  the algorithm (FSRS-6 by default, or Anki's SM-2)
                --retention R         FSRS's desired retention, from 0.7 to 0.99 (default 0.9)
                --new-per-day N       new cards introduced per day (default 20)
                """
        case .help:
            return summary
        case .quit, .exit:
            return summary
        }
    }
}
