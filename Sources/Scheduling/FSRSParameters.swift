import Foundation

/// The 21 weights of FSRS-6, validated: the defaults, or a custom vector (older 19- and 17-number
/// vectors are migrated to FSRS-6 the way the reference does it).
public struct FSRSParameters: Sendable, Hashable, Codable {
    /// The FSRS-6 default weights w0 … w20 (py-fsrs 6.3.2).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666,
        0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The lowest value each weight may take (py-fsrs 6.3.2's bounds).
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0,
        0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// The highest value each weight may take (py-fsrs 6.3.2's bounds).
    public static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8,
        3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// The default parameters.
    public static let `default` = FSRSParameters(validated: defaultWeights)

    /// The 21 weights, w0 … w20.
    public let weights: [Double]

    private init(validated weights: [Double]) {
        self.weights = weights
    }

    /// Validates a custom vector of 21 numbers (FSRS-6), or migrates one of 19 (FSRS-5) or
    /// 17 (FSRS-4.5) numbers to FSRS-6 first.
    ///
    /// - Throws: ``SchedulerConfigurationError`` when the vector has another length, holds
    ///   NaN or infinity, or a weight lies outside the reference bounds (which include the
    ///   decay w20, 0.1 to 0.8).
    public init(_ weights: [Double]) throws(SchedulerConfigurationError) {
        var migrated = weights
        switch weights.count {
        case 21:
            break
        case 19:
            migrated += [0.0, 0.5]
        case 17:
            migrated[4] += 2 * migrated[5]
            migrated[5] = log(3 * migrated[5] + 1) / 3
            migrated[6] += 0.5
            migrated += [0.0, 0.0, 0.0, 0.5]
        default:
            throw .wrongParameterCount(weights.count)
        }
        if let index = weights.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteParameter(index: index)
        }
        for (index, value) in migrated.enumerated()
        where !(Self.lowerBounds[index] <= value && value <= Self.upperBounds[index]) {
            throw .parameterOutOfRange(
                index: index, value: value, lower: Self.lowerBounds[index], upper: Self.upperBounds[index]
            )
        }
        self.weights = migrated
    }

    private enum CodingKeys: String, CodingKey {
        case weights
    }

    /// Decodes `{"weights": [...]}` through ``init(_:)``, so decoded parameters are validated
    /// (and older vectors migrated) like any other.
    ///
    /// - Throws: `DecodingError.dataCorrupted` with the validation's message.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let weights = try container.decode([Double].self, forKey: .weights)
        do {
            try self.init(weights)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: container, debugDescription: error.description)
        }
    }

    /// The decay d = w20 of the forgetting curve.
    public var decay: Double { weights[20] }

    /// F = 0.9^(−1/d) − 1, chosen so that R(S, S) = 0.9.
    public var factor: Double { pow(0.9, 1 / -decay) - 1 }
}
