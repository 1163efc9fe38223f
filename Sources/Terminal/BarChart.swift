/// A vertical bar chart drawn with Unicode block elements: one bar per value, a scale on
/// the left and labels under chosen bars.
///
/// Bar tops are drawn in eighths of a row (`▁▂▃▄▅▆▇█`), so the heights read without colour;
/// any value above zero gets at least an eighth, so a small count never looks like none.
///
///     12 ┤   █
///        │   █ ▄
///        │ ▆ █ █
///      0 └────────
///         today
public struct BarChart: Sendable, Hashable {
    /// A label printed under one bar, starting at its column.
    public struct Label: Sendable, Hashable {
        /// The index of the bar it names.
        public var index: Int
        /// The text (short: a label that would run into the previous one is left out).
        public var text: String

        /// Labels bar `index` with `text`.
        public init(index: Int, text: String) {
            self.index = index
            self.text = text
        }
    }

    /// The partial blocks, from one eighth to seven eighths of a row.
    static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]

    /// The values, one bar each, left to right (negative values count as zero).
    public var values: [Int]
    /// Labels under some of the bars.
    public var labels: [Label]
    /// How many rows the tallest bar takes (at least 1).
    public var height: Int

    /// A chart of `values`, `height` rows tall, with `labels` under it.
    public init(values: [Int], labels: [Label] = [], height: Int = 8) {
        self.values = values
        self.labels = labels
        self.height = max(1, height)
    }

    /// The chart's lines, top first, without trailing spaces; bars are cyan when `style` is on.
    public func lines(style: Style = .plain) -> [String] {
        let values = self.values.map { max(0, $0) }
        let maximum = values.max() ?? 0
        let scaleWidth = max(String(maximum).count, 1)
        let eighths = values.map { value in
            guard value > 0, maximum > 0 else { return 0 }
            return max(1, Int((Double(value) * Double(height * 8) / Double(maximum)).rounded()))
        }
        var lines: [String] = []
        for row in 0..<height {
            let floor = (height - 1 - row) * 8
            let scale = row == 0 && maximum > 0 ? String(maximum) : ""
            var line = pad(scale, to: scaleWidth) + (row == 0 && maximum > 0 ? " ┤" : " │")
            for filled in eighths {
                let fill = min(max(filled - floor, 0), 8)
                let cell = fill == 0 ? " " : fill == 8 ? "█" : String(Self.eighths[fill - 1])
                line += " " + (fill == 0 ? cell : style.cyan(cell))
            }
            lines.append(line.trimmingTrailingSpaces())
        }
        lines.append(pad("0", to: scaleWidth) + " └" + String(repeating: "─", count: 2 * values.count))
        if let labelLine = labelLine(offset: scaleWidth + 3) { lines.append(labelLine) }
        return lines
    }

    /// The row of labels, each starting under its bar; `offset` is the first bar's column.
    private func labelLine(offset: Int) -> String? {
        var line = ""
        for label in labels.sorted(by: { $0.index < $1.index }) where values.indices.contains(label.index) {
            let column = offset + 2 * label.index
            let used = DisplayWidth.of(line)
            guard line.isEmpty ? true : column > used else { continue }
            line += String(repeating: " ", count: column - used) + label.text
        }
        return line.isEmpty ? nil : line
    }

    /// `text` right-aligned in `width` columns.
    private func pad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
