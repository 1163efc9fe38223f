import Testing

@testable import Scheduling

struct IntervalFormatterTests {
    static let cases: [(Double, String)] = [
        (0.0, "<1m"), (-30, "<1m"), (59, "<1m"), (60, "1m"), (330, "5.5m"), (600, "10m"),
        (3_594, "1h"), (3_600, "1h"), (5_400, "1.5h"), (86_400, "1d"), (2 * 86_400, "2d"),
        (129_600, "1.5d"), (25 * 86_400, "25d"), (105 * 86_400, "3.5mo"), (438 * 86_400, "1.2y"),
        (36_500 * 86_400, "100y"),
    ]

    @Test(arguments: cases)
    func labels(seconds: Double, label: String) {
        #expect(IntervalFormatter.string(seconds: seconds) == label)
    }

    @Test func labelsOfANewCardWithDefaultSteps() throws {
        let labels = try FSRS().intervalLabels(.new(due: referenceStart), at: referenceStart)
        #expect(labels == [.again: "1m", .hard: "5.5m", .good: "10m", .easy: "8d"])
    }
}
