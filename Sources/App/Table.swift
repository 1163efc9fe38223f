import Terminal

/// Aligned text tables: a bold header, then rows; text columns left-aligned, numbers right-aligned.
public enum Table {
    /// The table as lines; cells must already be sanitised.
    public static func render(header: [String], rows: [[String]], style: Style) -> String {
        var widths = header.map(DisplayWidth.of)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String], isHeader: Bool) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(cell)))
                let numeric =
                    !isHeader && cell.contains(where: \.isNumber)
                    && cell.allSatisfy { $0.isNumber || $0 == "." || $0 == "%" }
                let aligned = numeric && column > 0 ? padding + cell : cell + padding
                return isHeader ? style.bold(aligned) : aligned
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header, isHeader: true)] + rows.map { line($0, isHeader: false) }).joined(separator: "\n")
    }
}
