extension EditDistance {
    /// The optimal string alignment distance between `a` and `b` when it is at most `limit`,
    /// else `nil`; the work is bounded by the shorter length times `2 × limit + 1`.
    ///
    /// Same distance as ``distance(_:_:)-(Array<Element>,Array<Element>)`` (insertions,
    /// deletions, substitutions and swaps of two neighbours each count one), but only the
    /// diagonal band `|i - j| ≤ limit` of the table is filled, since every path outside it
    /// costs more than `limit`. Sequences whose lengths differ by more than `limit` are
    /// rejected without looking at them, so a huge input against a short one costs nothing.
    public static func distance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = limit + 1
        let width = b.count + 1
        // Rows indexed by j in 0...b.count; cells outside the band hold `beyond`.
        var previousPrevious = [Int](repeating: beyond, count: width)
        var previous = [Int](repeating: beyond, count: width)
        var current = [Int](repeating: beyond, count: width)
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            // Reset the cells this row may read that an older row left behind.
            if low - 1 >= 0 { current[low - 1] = (low - 1 == 0 && i <= limit) ? i : beyond }
            if high < b.count { current[high + 1] = beyond }
            var rowMinimum = current[low - 1]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previousPrevious[j - 2] + 1)
                    }
                    value = min(value, beyond)
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
            }
            // Distances never shrink down the table: once a whole row is past the limit, so is the answer.
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }

    /// Whether `a` and `b` are at most one edit apart (equal, or one insertion, deletion,
    /// substitution or swap of two neighbours), checked in one pass.
    public static func isWithinOneEdit<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Bool {
        if a.count < b.count { return isWithinOneEdit(b, a) }
        guard a.count - b.count <= 1 else { return false }
        var prefix = 0
        while prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        if prefix == b.count { return true }  // equal, or one element appended
        if a.count > b.count {
            return a[(prefix + 1)...].elementsEqual(b[prefix...])
        }
        if a[(prefix + 1)...].elementsEqual(b[(prefix + 1)...]) { return true }
        return prefix + 1 < a.count && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
            && a[(prefix + 2)...].elementsEqual(b[(prefix + 2)...])
    }
}
