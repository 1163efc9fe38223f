import Foundation
import Testing

@testable import Scheduling

/// Parity with py-fsrs 6.3.2 on the fixtures of tools/make_fsrs_fixtures.py: stability and
/// difficulty within 1e-6 relative, due times equal to the second, phases and steps equal.
struct FSRSParityTests {
    struct Case {
        let name: String
        let scheduler: FSRS
        let sequences: [[[Any]]]
    }

    static func loadCases() throws -> [Case] {
        let url = try #require(
            Bundle.module.url(forResource: "fsrs-parity", withExtension: "json", subdirectory: "Fixtures"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        return try cases.map { entry in
            let configuration = SchedulerConfiguration(
                desiredRetention: entry["desired_retention"] as? Double ?? 0.9,
                learningSteps: (entry["learning_steps"] as? [Double]) ?? [60, 600],
                relearningSteps: (entry["relearning_steps"] as? [Double]) ?? [600],
                maximumInterval: entry["maximum_interval"] as? Int ?? 36_500,
                parameters: entry["parameters"] as? [Double],
                fuzz: false
            )
            return Case(
                name: try #require(entry["name"] as? String),
                scheduler: try configuration.makeFSRS(),
                sequences: try #require(entry["sequences"] as? [[[Any]]])
            )
        }
    }

    static func date(_ microseconds: Any) -> Date {
        Date(timeIntervalSince1970: Double((microseconds as? NSNumber)?.int64Value ?? 0) / 1e6)
    }

    @Test func everyFixtureReviewMatchesPyFSRS() throws {
        let cases = try Self.loadCases()
        #expect(cases.count == 12)
        var reviews = 0
        for testCase in cases {
            for (sequenceIndex, sequence) in testCase.sequences.enumerated() {
                var state = CardState.new(due: Self.date(sequence[0][1]))
                for (reviewIndex, review) in sequence.enumerated() {
                    let place = "\(testCase.name), sequence \(sequenceIndex), review \(reviewIndex)"
                    let rating = try #require(Rating(rawValue: review[0] as? Int ?? 0))
                    let now = Self.date(review[1])
                    let expectedRecall = review[7] as? Double
                    if reviewIndex > 0 {
                        #expect(
                            close(testCase.scheduler.retrievability(of: state, at: now), expectedRecall), "\(place): R")
                    }
                    state = testCase.scheduler.review(state, rating: rating, at: now)
                    reviews += 1
                    #expect(state.phase.rawValue == review[2] as? String, "\(place): phase")
                    #expect(state.step == review[3] as? Int, "\(place): step")
                    #expect(
                        close(state.stability, review[4] as? Double), "\(place): stability \(state.stability ?? .nan)")
                    #expect(
                        close(state.difficulty, review[5] as? Double),
                        "\(place): difficulty \(state.difficulty ?? .nan)")
                    let due = Self.date(review[6])
                    #expect(
                        floor(state.due.timeIntervalSince1970) == floor(due.timeIntervalSince1970),
                        "\(place): due \(state.due)")
                    #expect(abs(state.due.timeIntervalSince(due)) < 1e-5, "\(place): due \(state.due)")
                }
            }
        }
        #expect(reviews == 4408)
    }
}
