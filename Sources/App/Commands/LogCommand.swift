import ArgumentParser
import Foundation
import Progress
import Terminal

/// `recall log`: Export your review history as CSV, in the layout `recall replay` reads.
struct LogCommand: RecallCommand, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Export your review history as CSV, in the layout `recall replay` reads.",
        discussion: """
            Prints one line per study answer, oldest first, under the header \
            card_id,review_time,rating,deck_id,item_key,kind,duration_ms. card_id is DECK/ITEM \
            (unique across decks), review_time is UTC ISO 8601 to the millisecond, rating is 1 \
            (again) to 4 (easy). Practice-quiz answers are left out (they do not move the \
            schedule, so replaying them would be wrong); so are manual changes, which have no \
            rating. Save it and run `recall replay FILE` to replay your own history. CSV is \
            the only format, so --csv may be left out. With no store yet, prints the header only.
            """
    )

    @Option(
        name: .customLong("deck"),
        help: ArgumentHelp("Only this deck's reviews (repeatable).", valueName: CompletionValue.deck))
    var decks: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only reviews from this day (YYYY-MM-DD, local time) or moment (ISO 8601 with offset) on.",
            valueName: "date"),
        transform: LogCommand.parseSince)
    var since: Date?

    @Flag(help: "Write CSV (the default and only format).")
    var csv = false

    @OptionGroup var storeOptions: StoreOptions

    /// Parses `--since`.
    static func parseSince(_ text: String) throws -> Date {
        guard let date = LogDate.parse(text) else {
            throw OptionValue.ValueError(
                expected: "YYYY-MM-DD or an ISO 8601 time with offset, such as 2026-11-21T09:30:00Z")
        }
        return date
    }

    /// Stops reading the log once the output cannot be written.
    private struct OutputGone: Error {}

    func run(in context: CommandContext) throws {
        let output = context.console.output
        guard let store = try context.existingStore() else {
            output.line(ReviewLogCSV.header)
            return
        }
        if !decks.isEmpty {
            let known = try store.deckIDs()
            for deck in decks where !known.contains(deck) {
                throw UsageError.unknownDeck(deck, among: known)
            }
        }
        var text = ReviewLogCSV.header + "\n"
        do {
            try store.forEachReview(deckIDs: decks.isEmpty ? nil : decks, since: since) { review in
                guard var line = ReviewLogCSV.line(for: review) else { return }
                // Deck ids and keys are slugs; a store edited by hand may hold anything.
                if line.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) {
                    line = Sanitizer.clean(line, keepNewlines: false)
                }
                text += line
                text += "\n"
                if text.utf8.count >= 1 << 16 {
                    output.write(text)
                    text = ""
                    if output.failure != nil { throw OutputGone() }
                }
            }
        } catch is OutputGone {
            return
        }
        output.write(text)
    }
}
