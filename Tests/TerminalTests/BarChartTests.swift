import Testing

@testable import Terminal

@Suite struct BarChartTests {
    @Test func barsInEighthsWithScaleAndLabels() {
        let chart = BarChart(
            values: [0, 3, 12, 1, 7, 0, 5, 9, 2],
            labels: [.init(index: 0, text: "today"), .init(index: 2, text: "hidden"), .init(index: 7, text: "+7")],
            height: 4)
        #expect(
            chart.lines() == [
                "12 ┤     █",
                "   │     █   ▃     █",
                "   │     █   █   ▅ █",
                "   │   █ █ ▃ █   █ █ ▅",
                " 0 └──────────────────",
                "     today         +7",
            ])
    }

    @Test func aSmallValueStillShows() {
        // 1 of 1000 on a 2-row chart is 0.016 rows: drawn as one eighth, not as nothing.
        #expect(
            BarChart(values: [1000, 1, 0], height: 2).lines() == [
                "1000 ┤ █",
                "     │ █ ▁",
                "   0 └──────",
            ])
    }

    @Test func nothingAtAll() {
        #expect(
            BarChart(values: [0, 0, 0], height: 2).lines() == [
                "  │",
                "  │",
                "0 └──────",
            ])
        #expect(BarChart(values: [], height: 1).lines() == ["  │", "0 └"])
    }

    @Test func negativeValuesCountAsZero() {
        #expect(BarChart(values: [-5, 2], height: 1).lines() == ["2 ┤   █", "0 └────"])
    }

    @Test func colourOnlyAddsToTheBars() {
        let chart = BarChart(values: [2, 1], height: 1)
        let coloured = chart.lines(style: Style(enabled: true))
        #expect(coloured[0] == "2 ┤ \u{1B}[36m█\u{1B}[0m \u{1B}[36m▄\u{1B}[0m")
        #expect(chart.lines() == ["2 ┤ █ ▄", "0 └────"])
    }
}
