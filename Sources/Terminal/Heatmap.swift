import Foundation

/// A calendar heatmap of counts per day, GitHub-style: one column per week (Monday first),
/// one row per weekday, each day a shade of Unicode block.
///
/// The shade carries the information, so it reads the same without colour (`NO_COLOR`):
/// `·` is a day with none, `░ ▒ ▓ █` are the four quarters of the busiest day's count, and
/// the legend under the grid gives each shade's range. Days outside the range are blank.
/// Colour, when on, only adds green to the days with some.
///
///          Sep     Oct       Nov
///     Mon  · ░ ▒ · █ ▓ · · ░ ▒ ·
///     Tue  · · ░ ▒ · █ ▓ · · ░
///     …
///     Less · ░ ▒ ▓ █ More    · 0  ░ 1–3  ▒ 4–6  ▓ 7–9  █ 10–12
public struct Heatmap: Sendable, Hashable {
    /// One day's count.
    public struct Day: Sendable, Hashable {
        /// A moment in the day (its start, for study days).
        public var date: Date
        /// Its count.
        public var count: Int

        /// The count `count` on the day of `date`.
        public init(date: Date, count: Int) {
            self.date = date
            self.count = count
        }
    }

    /// The shades of levels 0 (none) to 4 (the busiest quarter).
    public static let shades: [Character] = ["·", "░", "▒", "▓", "█"]
    /// The rows' weekday labels, Monday first (every other one, as on GitHub).
    static let rowLabels = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
    /// Month abbreviations (English, so the layout does not depend on the locale).
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Consecutive days, oldest first.
    public var days: [Day]
    /// The calendar that gives each day's weekday and month (its time zone matters).
    public var calendar: Calendar

    /// A heatmap of `days` (consecutive, oldest first), placed on the weeks of `calendar`.
    public init(days: [Day], calendar: Calendar) {
        self.days = days
        self.calendar = calendar
    }

    /// The shade level (0 to 4) of `count` when the busiest day had `maximum`.
    public static func level(of count: Int, maximum: Int) -> Int {
        guard count > 0, maximum > 0 else { return 0 }
        return min(4, max(1, (4 * count + maximum - 1) / maximum))
    }

    /// The counts each level stands for when the busiest day had `maximum`, levels without
    /// any count left out: `[(0, 0...0), (1, 1...3), …]`.
    public static func ranges(maximum: Int) -> [(level: Int, counts: ClosedRange<Int>)] {
        var ranges: [(level: Int, counts: ClosedRange<Int>)] = [(0, 0...0)]
        guard maximum > 0 else { return ranges }
        for level in 1...4 {
            let low = (level - 1) * maximum / 4 + 1
            let high = level * maximum / 4
            if low <= high { ranges.append((level, low...high)) }
        }
        return ranges
    }

    /// The heatmap's lines: the month row, seven weekday rows and the legend, without
    /// trailing spaces.
    public func lines(style: Style = .plain) -> [String] {
        guard let first = days.first else { return [] }
        let maximum = days.map(\.count).max() ?? 0
        let firstRow = row(of: first.date)
        let columns = (firstRow + days.count + 6) / 7
        var grid = Array(repeating: Array(repeating: " ", count: columns), count: 7)
        var monthLabels: [(column: Int, text: String)] = []
        for (offset, day) in days.enumerated() {
            let position = firstRow + offset
            let column = position / 7
            let shade = String(Self.shades[Self.level(of: day.count, maximum: maximum)])
            grid[position % 7][column] = day.count > 0 ? style.green(shade) : shade
            let dayOfMonth = calendar.component(.day, from: day.date)
            if offset == 0 || dayOfMonth == 1 {
                let month = calendar.component(.month, from: day.date)
                if let last = monthLabels.last, last.column == column {
                    monthLabels[monthLabels.count - 1].text = Self.months[month - 1]
                } else {
                    monthLabels.append((column, Self.months[month - 1]))
                }
            }
        }
        // A partial first month whose label would run into the next one gives way to it.
        if monthLabels.count >= 2, monthLabels[1].column - monthLabels[0].column < 2 { monthLabels.removeFirst() }
        let lead = "     "
        var monthLine = lead
        for label in monthLabels {
            let column = lead.count + 2 * label.column
            guard monthLine == lead || column > monthLine.count else { continue }
            monthLine += String(repeating: " ", count: max(0, column - monthLine.count)) + label.text
        }
        var lines = [monthLine.trimmingTrailingSpaces()]
        for row in 0..<7 {
            let label = Self.rowLabels[row].padding(toLength: lead.count, withPad: " ", startingAt: 0)
            lines.append((label + grid[row].joined(separator: " ")).trimmingTrailingSpaces())
        }
        lines.append(legend(maximum: maximum))
        return lines
    }

    /// "Less · ░ ▒ ▓ █ More   · 0  ░ 1–3 …": the shades and the counts each stands for.
    private func legend(maximum: Int) -> String {
        let ranges = Self.ranges(maximum: maximum).map { level, counts in
            let text =
                counts.lowerBound == counts.upperBound
                ? "\(counts.lowerBound)" : "\(counts.lowerBound)–\(counts.upperBound)"
            return "\(Self.shades[level]) \(text)"
        }
        return "Less " + Self.shades.map(String.init).joined(separator: " ") + " More    "
            + ranges.joined(separator: "  ")
    }

    /// The weekday row of `date`: 0 for Monday to 6 for Sunday.
    private func row(of date: Date) -> Int {
        (calendar.component(.weekday, from: date) + 5) % 7
    }
}
