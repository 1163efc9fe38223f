import Decks
import Foundation
import Progress
import Scheduling
import Testing

@testable import Anki

@Suite("Anki import and export progress")
struct AnkiProgressTests {
    /// One report, whatever its type: its stage's position in the stages' order, and its counts.
    struct Report: Equatable {
        var stage: Int
        var done: Int64
        var total: Int64
    }

    /// Checks that `reports` go through `expected` stages in that order, and that within each
    /// stage the total stays the same and the count only grows, up to the total at the end
    /// (an uncounted stage reports 0 of 0); returns the reports of each stage.
    @discardableResult
    static func check(_ reports: [Report], stages expected: [Int], sourceLocation: SourceLocation = #_sourceLocation)
        -> [Int: [Report]]
    {
        let stages = reports.map(\.stage).reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }
        #expect(stages == expected, sourceLocation: sourceLocation)
        let byStage = Dictionary(grouping: reports, by: \.stage)
        for (stage, reports) in byStage {
            let total = reports[0].total
            #expect(reports.allSatisfy { $0.total == total }, "stage \(stage)", sourceLocation: sourceLocation)
            #expect(
                zip(reports, reports.dropFirst()).allSatisfy { $0.done <= $1.done }, "stage \(stage)",
                sourceLocation: sourceLocation)
            #expect(reports.allSatisfy { $0.done <= total }, "stage \(stage)", sourceLocation: sourceLocation)
            #expect(reports.last?.done == total, "stage \(stage)", sourceLocation: sourceLocation)
        }
        return byStage
    }

    static let importOrder: [AnkiImportStage] = [
        .unpacking, .reading, .converting, .adding, .reviews, .indexing,
    ]
    static let exportOrder: [AnkiExportStage] = [.reading, .notes, .reviews, .indexing, .compressing]

    static func report(_ progress: AnkiImportProgress) -> Report {
        Report(stage: importOrder.firstIndex(of: progress.stage) ?? -1, done: progress.done, total: progress.total)
    }

    static func report(_ progress: AnkiExportProgress) -> Report {
        Report(stage: exportOrder.firstIndex(of: progress.stage) ?? -1, done: progress.done, total: progress.total)
    }

    /// A deck of `cards` basic cards (every other one with its reverse) and a store holding
    /// `answers` study answers spread over its items, written in bulk.
    static func largeHistory(cards: Int, answers: Int, in folder: TemporaryFolder) throws -> (Deck, ProgressStore) {
        let cardJSON = (0..<cards).map { index in
            #"{"id": "card-\#(index)", "type": "basic", "front": "Question \#(index)?", "back": "Answer \#(index)""#
                + (index % 2 == 0 ? #", "reverse": true}"# : "}")
        }
        let json =
            #"{"format": 1, "id": "big", "title": "Big", "description": "Many cards.", "sources": [], "cards": ["#
            + cardJSON.joined(separator: ",\n") + "]}"
        try FileManager.default.createDirectory(atPath: folder.file("decks"), withIntermediateDirectories: true)
        try json.write(toFile: folder.file("decks/big.json"), atomically: true, encoding: .utf8)
        let deck = try #require(DeckLoader.load(file: folder.file("decks/big.json")).deck)
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let keys = deck.cards.flatMap { card in card.studyItems(deckID: deck.id).map { ($0.key, card) } }
        let fsrs = try SchedulerConfiguration().makeFSRS()
        var states = [CardState](repeating: .new(due: start), count: keys.count)
        var reviews: [ReviewRecord] = []
        reviews.reserveCapacity(answers)
        for number in 0..<answers {
            let index = number % keys.count
            let time = start.addingTimeInterval(Double(number) * 600)
            let rating: Rating = number % 7 == 0 ? .again : .good
            let after = fsrs.review(states[index], rating: rating, at: time)
            reviews.append(
                .study(
                    ItemRef(deckID: deck.id, key: keys[index].0), rating: rating, at: time, before: states[index],
                    after: after, durationMilliseconds: 3_000))
            states[index] = after
        }
        let items = keys.enumerated().map { index, key in
            ProgressImport.Item(
                key: key.0, cardID: key.1.id, contentHash: key.1.contentHash, state: states[index])
        }
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        try store.importProgress([ProgressImport(deckID: deck.id, items: items, reviews: reviews)], at: start)
        return (deck, store)
    }

    @Test("an export and an import of a large history report their stages in order, counts growing to their totals")
    func largeExportAndImportReportTheirProgress() throws {
        let folder = TemporaryFolder()
        // Past the import's thresholds: the history is replayed on a helper thread (20 000
        // answers) and the review log's indexes are built again at the end (10 000).
        let answers = 24_000
        let (deck, store) = try Self.largeHistory(cards: 400, answers: answers, in: folder)
        #expect(try store.answerCount(deckIDs: ["big"]) == answers)

        var exported: [Report] = []
        let summary = try AnkiExporter.export([deck], store: store, to: folder.file("big.apkg")) {
            exported.append(Self.report($0))
        }
        #expect(summary.reviews == answers)
        let exportStages = Self.check(exported, stages: [0, 1, 2, 3, 4])
        #expect(exportStages[1]?.last?.total == 400)  // notes
        #expect(exportStages[2]?.last?.total == Int64(answers))
        #expect((exportStages[2]?.count ?? 0) > 3)  // per batch of the feed, not only at the start and end
        let packageEntries = try #require(exportStages[4]?.last?.total)
        #expect(packageEntries > 0)

        let back = TemporaryFolder()
        var imported: [Report] = []
        let result = try AnkiImporter.importFile(
            folder.file("big.apkg"), options: AnkiImportOptions(decksDirectory: back.file("decks")),
            store: try ProgressStore(path: back.file("progress.sqlite")), progress: { imported.append(Self.report($0)) }
        )
        #expect(result.reviews == answers)
        let importStages = Self.check(imported, stages: [0, 1, 2, 3, 4, 5])
        #expect(importStages[1]?.last?.total == Int64(400 + result.items + answers))  // notes, cards, review log
        #expect(importStages[2]?.last?.total == 400)
        #expect(importStages[3]?.last?.total == Int64(result.items))
        #expect(importStages[4]?.last?.total == Int64(answers))
        #expect((importStages[4]?.count ?? 0) > 3)  // every 4 096 answers
        #expect(importStages[5]?.allSatisfy { $0.total == 0 } == true)
    }

    @Test(
        "every kind of file an import reads reports its stages in order",
        arguments: [
            ("latest.apkg", [0, 1, 2, 3, 4]), ("legacy.apkg", [0, 1, 2, 3, 4]), ("genanki.apkg", [0, 1, 2, 3]),
            ("collection.colpkg", [0, 1, 2, 3, 4]), ("notes.txt", [1, 2]),
        ])
    func everyFixtureReportsItsStages(file: String, stages: [Int]) throws {
        let folder = TemporaryFolder()
        var reports: [Report] = []
        _ = try AnkiImporter.importFile(
            fixture(file), options: AnkiImportOptions(decksDirectory: folder.file("decks")),
            store: try ProgressStore(path: folder.file("progress.sqlite")),
            progress: { reports.append(Self.report($0)) })
        Self.check(reports, stages: stages)
    }

    @Test("a small export without progress reports its notes alone, and a text export too")
    func exportsWithoutHistory() throws {
        let folder = TemporaryFolder()
        let (deck, _, _) = try AnkiExportTests.sample(in: folder)
        for (file, format) in [("cards.apkg", AnkiExportOptions.Format.apkg), ("cards.txt", .text)] {
            var reports: [Report] = []
            _ = try AnkiExporter.export(
                [deck], store: nil, to: folder.file(file), options: AnkiExportOptions(format: format)
            ) { reports.append(Self.report($0)) }
            Self.check(reports, stages: format == .text ? [1] : [1, 3, 4])
            #expect(reports.first { $0.stage == 1 }?.total == 5)
        }
    }
}
