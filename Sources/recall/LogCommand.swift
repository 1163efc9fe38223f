import ArgumentParser
import Foundation
import Progress

/// `recall log`: Export your review history as CSV, in the layout `recall replay` reads.
struct LogCommand: ParsableCommand {
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
        help: ArgumentHelp("Only this deck's reviews (repeatable).", valueName: "id"))
    var decks: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only reviews from this day (YYYY-MM-DD, local time) or moment (ISO 8601 with offset) on.",
            valueName: "date"))
    var since: String?

    @Flag(help: "Write CSV (the default and only format).")
    var csv = false

    @OptionGroup var storeOptions: StoreOptions

    mutating func run() throws {
        var sinceDate: Date?
        if let since {
            guard let date = LogDate.parse(since) else {
                let message = "invalid date '\(since)' for --since: use YYYY-MM-DD or an ISO 8601 time with offset, such as 2026-11-21T09:30:00Z"
                let usage = "Usage: recall \(Self.usageString())\n  See 'recall log --help' for more information.\n"
                FileHandle.standardError.write(Data("Error: \(message)\n\(usage)".utf8))
                throw ExitCode(2)
            }
            sinceDate = date
        }
        let store: ProgressStore
        do {
            store = try storeOptions.open(access: .readOnly)
        } catch ProgressError.notFound {
            print(ReviewLogCSV.header)
            return
        }
        var output = ReviewLogCSV.header + "\n"
        try store.forEachReview(deckIDs: decks.isEmpty ? nil : decks, since: sinceDate) { review in
            guard let line = ReviewLogCSV.line(for: review) else { return }
            output += line
            output += "\n"
            if output.utf8.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
