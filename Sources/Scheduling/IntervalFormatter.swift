import Foundation

/// Formats a time span the short way Anki labels its answer buttons.
///
/// Under a minute: `<1m`; then minutes (`1m`, `10m`, `5.5m`), hours (`1h`, `1.5h`), days
/// (`2d`), months of 30 days (`3.5mo`) and years of 365 days (`1.2y`), each with at most one
/// decimal and no trailing `.0`. A unit is used from the point the span rounds to at least 1 of
/// it: 59.9 minutes reads `1h` rather than `60m`.
public enum IntervalFormatter {
    private static let units: [(seconds: Double, suffix: String)] = [
        (365 * 86_400, "y"), (30 * 86_400, "mo"), (86_400, "d"), (3_600, "h"), (60, "m"),
    ]

    /// The label for a span of `seconds` (negative spans read as `<1m`).
    public static func string(seconds: TimeInterval) -> String {
        guard seconds.isFinite, seconds >= 59.5 else { return seconds.isFinite ? "<1m" : "∞" }
        for (index, unit) in units.enumerated() {
            let value = (seconds / unit.seconds * 10).rounded() / 10
            if value >= 1 || index == units.count - 1 {
                // Days above 30 read as months only once they reach 1.0 month, and so on.
                return format(value) + unit.suffix
            }
        }
        return "<1m"
    }

    /// The label for the wait from `now` until `due`.
    public static func string(from now: Date, to due: Date) -> String {
        string(seconds: due.timeIntervalSince(now))
    }

    private static func format(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.1f", value)
    }
}
