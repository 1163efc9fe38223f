import Foundation
import Replay
import Scheduling

@testable import Optimizer

/// The fixtures tools/make_optimizer_fixtures.py wrote with fsrs-rs-python 0.9.3.
struct OptimizerFixtures: Decodable {
    struct Pretrain: Decodable {
        var first_ratings: [Int]
        var items: Int
        var stabilities: [Double]
    }
    struct Scored: Decodable {
        var parameters: [Double]
        var log_loss: Double
        var rmse_bins: Double
    }
    struct Dataset: Decodable {
        var name: String
        var csv: String
        var true_parameters: [Double]?
        var reviews: Int
        var items: Int
        var items_fnv1a: String
        var pretrain: [Pretrain]
        var fitted: [Double]
        var evaluations: [Scored]
    }
    var rollover_hour: Int
    var datasets: [Dataset]

    static let shared: OptimizerFixtures = {
        guard let url = Bundle.module.url(forResource: "Fixtures/optimizer-fixtures", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let fixtures = try? JSONDecoder().decode(OptimizerFixtures.self, from: data)
        else {
            fatalError("Tests/OptimizerTests/Fixtures/optimizer-fixtures.json is missing or malformed")
        }
        return fixtures
    }()

    static func dataset(_ name: String) -> Dataset {
        guard let dataset = shared.datasets.first(where: { $0.name == name }) else { fatalError("no dataset \(name)") }
        return dataset
    }

    /// The CSV of a dataset (the real log is shared with the scheduling tests).
    static func csvURL(_ dataset: Dataset) -> URL {
        if dataset.name == "real" {
            return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("ReplayTests/Fixtures/fsrs-test-revlogs.csv")
        }
        guard
            let url = Bundle.module.url(
                forResource: "Fixtures/" + dataset.csv.replacingOccurrences(of: ".csv", with: ""), withExtension: "csv")
        else {
            fatalError("missing fixture \(dataset.csv)")
        }
        return url
    }

    /// A dataset's training items, days counted in UTC with the fixtures' rollover.
    static func trainingSet(_ name: String) throws -> TrainingSet {
        let dataset = dataset(name)
        let bytes = [UInt8](try Data(contentsOf: csvURL(dataset)))
        let history = try ReviewHistory(csv: bytes, file: dataset.csv)
        return TrainingSet(history: history, clock: StudyDayClock(timeZone: utc, rolloverHour: shared.rollover_hour))
    }

    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}

extension TrainingSet {
    /// The items of a CSV history, each card starting at its earliest review.
    init(history: ReviewHistory, clock: StudyDayClock) {
        let reviews = history.reviews.map {
            HistoryReview(card: $0.card, time: $0.time, rating: $0.rating, startsLearning: false)
        }
        self.init(
            reviews: HistoryReview.markingEarliestPerCard(reviews, cardCount: history.cardCount),
            cardCount: history.cardCount, clock: clock)
    }

    /// FNV-1a over "rating:delta;" per review and a newline per item (as the fixture script).
    var fnv1a: String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01B3
            }
        }
        for item in items {
            var text = ""
            for review in reviews(of: item) { text += "\(review.rating):\(review.delta);" }
            add(text + "\n")
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The items whose first rating is in `ratings` and that hold one review with delta_t > 0.
    func firstLongTermItems(ratings: [Int]) -> TrainingSet {
        let positions = firstLongTermPositions()
        return with(
            items: items.filter {
                $0.length == positions[Int($0.card)] + 1 && ratings.contains(firstRating(ofCard: Int($0.card)))
            })
    }
}
