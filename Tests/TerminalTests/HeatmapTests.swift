import Foundation
import Testing

@testable import Terminal

@Suite struct HeatmapTests {
    /// Europe/London, Gregorian.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        return calendar
    }()

    /// Days at 04:00 from `year-month-day`, with these counts.
    static func days(from year: Int, _ month: Int, _ day: Int, counts: [Int]) -> [Heatmap.Day] {
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 4))!
        return counts.enumerated().map { offset, count in
            Heatmap.Day(date: calendar.date(byAdding: .day, value: offset, to: start)!, count: count)
        }
    }

    @Test func levelsAreQuartersOfTheBusiestDay() {
        #expect(Heatmap.level(of: 0, maximum: 12) == 0)
        #expect(Heatmap.level(of: 1, maximum: 12) == 1)
        #expect(Heatmap.level(of: 3, maximum: 12) == 1)
        #expect(Heatmap.level(of: 4, maximum: 12) == 2)
        #expect(Heatmap.level(of: 9, maximum: 12) == 3)
        #expect(Heatmap.level(of: 10, maximum: 12) == 4)
        #expect(Heatmap.level(of: 1, maximum: 1) == 4)
        #expect(Heatmap.ranges(maximum: 12).map(\.counts) == [0...0, 1...3, 4...6, 7...9, 10...12])
        #expect(Heatmap.ranges(maximum: 2).map(\.level) == [0, 2, 4])
        #expect(Heatmap.ranges(maximum: 0).map(\.level) == [0])
    }

    @Test func weeksAreColumnsMondayFirst() {
        // Thu 24 Sep 2026 to Tue 13 Oct 2026: 20 days over four weeks.
        let counts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 1, 12, 11, 10, 9, 0, 6, 3, 2]
        let lines = Heatmap(days: Self.days(from: 2026, 9, 24, counts: counts), calendar: Self.calendar).lines()
        // Sep labels column 0 and Oct column 1: too close, so the partial September gives way.
        #expect(
            lines == [
                "       Oct",
                "Mon    ▒ ░ ░",
                "       ▒ █ ░",
                "Wed    ▒ █",
                "     · ▓ █",
                "Fri  ░ ▓ ▓",
                "     ░ · ·",
                "Sun  ░ · ▒",
                "Less · ░ ▒ ▓ █ More    · 0  ░ 1–3  ▒ 4–6  ▓ 7–9  █ 10–12",
            ])
    }

    @Test func monthsAreNamedOverTheWeekOfTheirFirstDay() {
        // Thu 3 Sep 2026 for 80 days: 1 Oct (a Thursday) is in column 4, 1 Nov (a Sunday) in column 8.
        let lines = Heatmap(
            days: Self.days(from: 2026, 9, 3, counts: Array(repeating: 1, count: 80)), calendar: Self.calendar
        ).lines()
        #expect(lines[0] == "     Sep     Oct     Nov")
        #expect(lines[1] == "Mon    █ █ █ █ █ █ █ █ █ █ █")
        #expect(lines[4] == "     █ █ █ █ █ █ █ █ █ █ █ █")
        #expect(lines[8] == "Less · ░ ▒ ▓ █ More    · 0  █ 1")
    }

    @Test func aPartialFirstMonthGivesWayToTheNext() {
        // Wed 30 Sep 2026: its week holds 1 October, so only "Oct" fits over the first column.
        let lines = Heatmap(days: Self.days(from: 2026, 9, 30, counts: [1, 2, 0]), calendar: Self.calendar).lines()
        #expect(lines[0] == "     Oct")
        #expect(lines[3] == "Wed  ▒")
        #expect(lines[4] == "     █")
        #expect(lines[5] == "Fri  ·")
        #expect(lines[8] == "Less · ░ ▒ ▓ █ More    · 0  ▒ 1  █ 2")
    }

    @Test func readableWithoutColourAndColourOnlyAdds() {
        let days = Self.days(from: 2026, 11, 16, counts: [0, 4])
        let plain = Heatmap(days: days, calendar: Self.calendar).lines()
        let coloured = Heatmap(days: days, calendar: Self.calendar).lines(style: Style(enabled: true))
        #expect(plain[1] == "Mon  ·")
        #expect(plain[2] == "     █")
        #expect(coloured[1] == plain[1])
        #expect(coloured[2] == "     \u{1B}[32m█\u{1B}[0m")
    }

    @Test func noDaysNoLines() {
        #expect(Heatmap(days: [], calendar: Self.calendar).lines().isEmpty)
    }
}
