import ArgumentParser
import Scheduling

/// The parsers of option values that several commands share, so an option is spelled,
/// checked and explained the same way everywhere. Each throws a `ValueError` saying what
/// is expected; ArgumentParser prints it after the value and the option.
enum OptionValue {
    /// An option value that is not acceptable: what would be.
    struct ValueError: Error, CustomStringConvertible {
        let expected: String
        var description: String { "expected \(expected)" }
    }

    /// The range of desired retention accepted.
    static let retentionRange: ClosedRange<Double> = 0.7...0.99
    /// The range of new cards per day accepted.
    static let newPerDayRange: ClosedRange<Int> = 0...9999

    /// A whole number in `range`, written in decimal digits.
    static func wholeNumber(_ text: String, in range: ClosedRange<Int>) throws -> Int {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let value = Int(text), range.contains(value)
        else {
            throw ValueError(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `--retention`: a decimal number from 0.7 to 0.99 (`0.85`, or `85%`), taken exactly
    /// as written: `0.6999` is refused, not rounded; so are hex floats and exponents.
    static func retention(_ text: String) throws -> Double {
        let expected = ValueError(expected: "a number from 0.7 to 0.99, such as 0.9 or 90%")
        var number = Substring(text)
        let percent = number.hasSuffix("%")
        if percent { number = number.dropLast() }
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard !number.isEmpty, parts.allSatisfy({ $0.utf8.allSatisfy(digits.contains) }),
            parts.contains(where: { !$0.isEmpty }),
            let value = Double(number).map({ percent ? $0 / 100 : $0 }), retentionRange.contains(value)
        else { throw expected }
        return value
    }

    /// An on/off switch: on or off (any case).
    static func onOff(_ text: String) throws -> Bool {
        switch text.lowercased() {
        case "on": return true
        case "off": return false
        default: throw ValueError(expected: "on or off")
        }
    }

    /// `--scheduler`: fsrs or sm2 (any case).
    static func scheduler(_ text: String) throws -> SchedulerKind {
        guard let kind = SchedulerKind(rawValue: text.lowercased()) else { throw ValueError(expected: "fsrs or sm2") }
        return kind
    }
}
