import ArgumentParser
import Foundation
import Progress
import Replay
import Scheduling

extension DebugCommand {
    /// `recall debug record-history FILE --deck DECK`: saves a CSV history's answers as study
    /// answers of DECK at their own times (FSRS, default settings), in one transaction, for
    /// the tests of `recall optimize`.
    struct RecordHistory: RecallCommand, UsesStore {
        static let configuration = CommandConfiguration(
            commandName: "record-history",
            abstract: "Save a CSV history (card_id, review_time, rating) as study answers of a deck, at their times."
        )

        @Argument(help: "The history (CSV).")
        var file: String

        @Option(help: "The deck id (its items are the history's card ids).")
        var deck: String

        @OptionGroup var storeOptions: StoreOptions

        func run(in context: CommandContext) throws {
            let history = try ReviewHistory(csv: try ReplayInput.read(file), file: file)
            let ids = try Self.cardIDs(history)
            let store = try ProgressStore(path: context.storePath)
            try store.verify()
            try store.sync(deckID: deck, items: ids.map { SyncItem(key: $0, cardID: $0, contentHash: "debug") })
            let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
            var states: [Int32: CardState] = [:]
            var records: [ReviewRecord] = []
            let order = history.reviews.indices.sorted {
                (history.reviews[$0].time, $0) < (history.reviews[$1].time, $1)
            }
            for index in order {
                let review = history.reviews[index]
                let ref = ItemRef(deckID: deck, key: ids[Int(review.card)])
                let time = Date(timeIntervalSince1970: Double(review.time) / 1e6)
                let before = states[review.card] ?? .new(due: time)
                let after = scheduler.review(before, rating: review.rating, at: time)
                states[review.card] = after
                records.append(.study(ref, rating: review.rating, at: time, before: before, after: after))
            }
            try store.record(batch: records)
            context.console.output.line("ok \(records.count)")
        }

        /// Each card number's id, as written in the file.
        static func cardIDs(_ history: ReviewHistory) throws -> [String] {
            var ids = [String](repeating: "", count: history.cardCount)
            let text = String(decoding: history.source, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
            guard let header = lines.next() else { return ids }
            let column =
                header.split(separator: ",").firstIndex { $0.trimmingCharacters(in: .whitespaces) == "card_id" } ?? 0
            var number = 0
            var seen: Set<Substring> = []
            for line in lines {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard column < fields.count, !seen.contains(fields[column]) else { continue }
                seen.insert(fields[column])
                ids[number] = String(fields[column])
                number += 1
            }
            return ids
        }
    }
}
