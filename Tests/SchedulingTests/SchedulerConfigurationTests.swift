import Foundation
import Testing

@testable import Scheduling

struct SchedulerConfigurationTests {
    @Test func defaultConfigurationMakesFSRSWithReferenceDefaults() throws {
        let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
        let fsrs = try #require(scheduler as? FSRS)
        #expect(fsrs.parameters == .default)
        #expect(fsrs.desiredRetention == 0.9)
        #expect(fsrs.learningSteps == [60, 600])
        #expect(fsrs.relearningSteps == [600])
        #expect(fsrs.maximumInterval == 36_500)
        #expect(fsrs.fuzz == .off)
    }

    @Test func sm2ConfigurationMakesSM2() throws {
        let scheduler = try SchedulerConfiguration(kind: .sm2, learningSteps: [30], fuzz: true).makeScheduler(
            fuzzSeed: 7)
        let sm2 = try #require(scheduler as? SM2)
        #expect(sm2.learningSteps == [30])
        #expect(sm2.fuzz == .seeded(7))
    }

    @Test func nineteenParametersGetTheFSRS6Tail() throws {
        let weights = Array(FSRSParameters.defaultWeights.prefix(19))
        #expect(try FSRSParameters(weights).weights == weights + [0.0, 0.5])
    }

    @Test func seventeenParametersAreMigrated() throws {
        let old = [0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61]
        let migrated = try FSRSParameters(old).weights
        #expect(migrated.count == 21)
        #expect(close(migrated[4], 4.93 + 2 * 0.94, tolerance: 1e-12))
        #expect(close(migrated[5], log(3 * 0.94 + 1) / 3, tolerance: 1e-12))
        #expect(close(migrated[6], 1.36, tolerance: 1e-12))
        #expect(Array(migrated[17...]) == [0, 0, 0, 0.5])
        #expect(Array(migrated[7...16]) == Array(old[7...16]))
    }

    @Test(arguments: [
        (
            [Double](repeating: 1, count: 20),
            "FSRS parameters must be 21 numbers (or 19 or 17, which are migrated), got 20"
        ),
        (FSRSParameters.defaultWeights.replacing(at: 3, with: .nan), "FSRS parameter w3 is not a finite number"),
        (
            FSRSParameters.defaultWeights.replacing(at: 20, with: 0.9),
            "FSRS parameter w20 = 0.9 is out of range 0.1 to 0.8"
        ),
        (
            FSRSParameters.defaultWeights.replacing(at: 20, with: 0.05),
            "FSRS parameter w20 = 0.05 is out of range 0.1 to 0.8"
        ),
        (
            FSRSParameters.defaultWeights.replacing(at: 0, with: -1),
            "FSRS parameter w0 = -1.0 is out of range 0.001 to 100.0"
        ),
    ])
    func invalidParameterVectorsAreRejected(weights: [Double], message: String) {
        let configuration = SchedulerConfiguration(parameters: weights)
        #expect(throws: SchedulerConfigurationError.self) { try configuration.makeScheduler() }
        do {
            _ = try configuration.makeScheduler()
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func decodedParametersAreValidated() throws {
        let parameters = try FSRSParameters(Array(FSRSParameters.defaultWeights.prefix(19)))
        let encoded = try JSONEncoder().encode(parameters)
        #expect(try JSONDecoder().decode(FSRSParameters.self, from: encoded) == parameters)
        let nineteen = Data(
            #"{"weights":[\#(FSRSParameters.defaultWeights.prefix(19).map { "\($0)" }.joined(separator: ","))]}"#.utf8)
        #expect(try JSONDecoder().decode(FSRSParameters.self, from: nineteen).weights.count == 21)
        var decayTooLarge = FSRSParameters.defaultWeights
        decayTooLarge[20] = 0.95
        let bad = Data(#"{"weights":[\#(decayTooLarge.map { "\($0)" }.joined(separator: ","))]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FSRSParameters.self, from: bad) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FSRSParameters.self, from: Data(#"{"weights":[1,2]}"#.utf8))
        }
    }

    @Test func otherInvalidSettingsAreRejected() {
        let cases: [(SchedulerConfiguration, String)] = [
            (SchedulerConfiguration(desiredRetention: 1.2), "desired retention 1.2 is out of range 0.7 to 0.99"),
            (
                SchedulerConfiguration(learningSteps: [60, -5]),
                "learning step of -5.0 seconds must be a positive, finite duration"
            ),
            (
                SchedulerConfiguration(relearningSteps: [.infinity]),
                "relearning step of inf seconds must be a positive, finite duration"
            ),
            (SchedulerConfiguration(kind: .sm2, maximumInterval: 0), "maximum interval 0 must be at least 1 day"),
        ]
        for (configuration, message) in cases {
            do {
                try configuration.validate()
                Issue.record("accepted: \(message)")
            } catch {
                #expect(error.description == message)
            }
        }
    }
}

extension Array {
    func replacing(at index: Int, with element: Element) -> [Element] {
        var copy = self
        copy[index] = element
        return copy
    }
}
