/// Why a scheduler configuration was rejected; each message says what to fix.
public enum SchedulerConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The parameter vector does not have 21, 19 or 17 numbers.
    case wrongParameterCount(Int)
    /// A parameter is NaN or infinite.
    case nonFiniteParameter(index: Int)
    /// A parameter lies outside the range the reference allows.
    case parameterOutOfRange(index: Int, value: Double, lower: Double, upper: Double)
    /// The desired retention is not between 0.7 and 0.99.
    case desiredRetentionOutOfRange(Double)
    /// A learning or relearning step is not a positive, finite number of seconds.
    case invalidStep(kind: String, seconds: Double)
    /// The maximum interval is below one day.
    case maximumIntervalTooSmall(Int)
    /// A scheduler name other than fsrs or sm2.
    case unknownScheduler(String)
    /// A step that is not a whole number and a unit.
    case invalidDuration(String)
    /// A number that does not parse.
    case invalidNumber(option: String, text: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .wrongParameterCount(let count):
            "FSRS parameters must be 21 numbers (or 19 or 17, which are migrated), got \(count)"
        case .nonFiniteParameter(let index):
            "FSRS parameter w\(index) is not a finite number"
        case .parameterOutOfRange(let index, let value, let lower, let upper):
            "FSRS parameter w\(index) = \(value) is out of range \(lower) to \(upper)"
        case .desiredRetentionOutOfRange(let value):
            "desired retention \(value) is out of range 0.7 to 0.99"
        case .invalidStep(let kind, let seconds):
            "\(kind) step of \(seconds) seconds must be a positive, finite duration"
        case .maximumIntervalTooSmall(let days):
            "maximum interval \(days) must be at least 1 day"
        case .unknownScheduler(let name):
            "unknown scheduler \"\(name)\" (expected fsrs or sm2)"
        case .invalidDuration(let text):
            "invalid step \"\(text)\": expected a whole number and a unit s, m, h or d (like 10m)"
        case .invalidNumber(let option, let text):
            "\(option): \"\(text)\" is not a number"
        }
    }
}
