import ArgumentParser
import Foundation
import Progress
import Scheduling

/// `recall debug`: hidden developer commands that the end-to-end tests drive.
struct DebugCommand: RecallCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Developer commands for the test suite (not for everyday use).",
        shouldDisplay: false,
        subcommands: [RecordAnswer.self, RecordHistory.self]
    )

    /// Without a subcommand: its help.
    func run(in context: CommandContext) throws {
        context.console.output.line(Recall.helpMessage(for: Self.self))
    }

    /// `recall debug record-answer`: saves study answers the way a session does, then optionally waits.
    ///
    /// The durability tests kill it with SIGKILL after it prints `ok`, then look for the
    /// answer in the store; the concurrency tests run two at once on one store.
    struct RecordAnswer: RecallCommand, UsesStore {
        static let configuration = CommandConfiguration(
            commandName: "record-answer",
            abstract: "Answer one item COUNT times (FSRS, default settings), printing `ok ID` after each commit."
        )

        @Option(help: "The deck id (synced with just this item when the item is not in the store yet).")
        var deck: String

        @Option(help: "The item key.")
        var card: String

        @Option(help: "The rating, 1 to 4.")
        var rating: Int = 3

        @Option(help: "How many answers to save.")
        var count: Int = 1

        @Flag(help: "Wait after the last answer until killed.")
        var wait = false

        @OptionGroup var storeOptions: StoreOptions

        func run(in context: CommandContext) throws {
            guard let rating = Rating(rawValue: rating) else {
                throw UsageError("--rating must be 1, 2, 3 or 4")
            }
            let store = try ProgressStore(path: context.storePath)
            try store.verify()
            let ref = ItemRef(deckID: deck, key: card)
            if try store.item(ref) == nil {
                try store.sync(deckID: deck, items: [SyncItem(key: card, cardID: card, contentHash: "debug")])
            }
            let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
            for _ in 0..<max(count, 0) {
                guard let before = try store.item(ref)?.state else {
                    throw ProgressError.unknownItem(deckID: deck, key: card)
                }
                let now = Date()
                let after = scheduler.review(before, rating: rating, at: now)
                // As a study session saves an answer: to the state in the store at that moment.
                let saved = try store.recordStudy(
                    .study(ref, rating: rating, at: now, before: before, after: after),
                    reschedule: { scheduler.review($0, rating: rating, at: now) })
                context.console.output.line("ok \(saved.id)" + (saved.rescheduled ? " rescheduled" : ""))
            }
            while wait { sleep(3_600) }
        }
    }
}
