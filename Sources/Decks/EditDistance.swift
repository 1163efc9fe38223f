/// Edit distances and "did you mean …?" suggestions for misspelt names.
///
/// Public so that the layers above (Study's answer checking, the REPL's command
/// suggestions) can share one implementation.
public enum EditDistance {
    /// The optimal string alignment distance between two sequences: insertions, deletions,
    /// substitutions and swaps of two neighbouring elements each count one.
    ///
    /// The time is proportional to the distance times the length (the band is widened
    /// until the distance fits), so this is quadratic only for text that differs
    /// throughout: for text of unbounded length, use `distance(_:_:limit:)`.
    public static func distance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        let longest = max(a.count, b.count)
        var limit = max(1, abs(a.count - b.count))
        while limit < longest {
            if let distance = distance(a, b, limit: limit) { return distance }
            limit *= 2
        }
        return distance(a, b, limit: longest) ?? longest
    }

    /// The optimal string alignment distance between two sequences if it is at most
    /// `limit`, or `nil` if it is larger.
    ///
    /// Only the band of `2 × limit + 1` diagonals around the main one is computed, and the
    /// computation stops as soon as every path has gone over the limit, so this takes time
    /// proportional to `limit` times the shorter length, and none at all when the lengths
    /// differ by more than `limit`.
    public static func distance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        // Skip the common prefix and suffix: they never cost an edit.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count
        var endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        // A swap may straddle the prefix or suffix boundary, so keep one shared element
        // on each side for the alignment to use.
        let lowA = max(0, start - 1)
        let lowB = max(0, start - 1)
        let a = a[lowA..<min(a.count, endA + 1)]
        let b = b[lowB..<min(b.count, endB + 1)]
        return bandedDistance(Array(a), Array(b), limit: limit)
    }

    /// The banded optimal string alignment distance (see `distance(_:_:limit:)`).
    private static func bandedDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int? {
        let n = a.count
        let m = b.count
        guard abs(n - m) <= limit else { return nil }
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        // Cells outside the band hold `beyond`, which is more than any value that matters.
        let beyond = limit + 1
        var previousPrevious = [Int](repeating: beyond, count: m + 2)
        var previous = [Int](repeating: beyond, count: m + 2)
        var current = [Int](repeating: beyond, count: m + 2)
        for j in 0...min(m, limit) { previous[j] = j }
        var previousMinimum = 0
        for i in 1...n {
            let low = max(1, i - limit)
            let high = min(m, i + limit)
            current[low - 1] = low == 1 && i <= limit ? i : beyond
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
            if high + 1 <= m { current[high + 1] = beyond }
            // Every later cell costs at least the smaller minimum of the last two rows.
            if rowMinimum > limit && previousMinimum > limit { return nil }
            previousMinimum = rowMinimum
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        let result = previous[m]
        return result <= limit ? result : nil
    }

    /// The optimal string alignment distance between two strings in Unicode scalars,
    /// compared case-insensitively.
    ///
    /// For text of unbounded length, use `distance(_:_:limit:)`.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars))
    }

    /// The optimal string alignment distance between two strings in Unicode scalars,
    /// compared case-insensitively, if it is at most `limit`; `nil` if it is larger.
    ///
    /// Bounded: strings whose lengths differ by more than `limit` are not compared at all,
    /// and otherwise the time is proportional to `limit` times the length.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = a.lowercased().unicodeScalars
        let b = b.lowercased().unicodeScalars
        // Counting is linear; it saves building arrays of text that cannot be close.
        guard abs(a.count - b.count) <= limit else { return nil }
        return distance(Array(a), Array(b), limit: limit)
    }

    /// The candidate closest to `name`, if it is close enough to be a likely typo: at most
    /// one edit for candidates of up to 4 characters, two for longer ones, and fewer edits
    /// than `name` has characters. Ties go to the earlier candidate.
    ///
    /// Bounded: text of any length is compared in time proportional to its length.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        let nameLength = name.count
        for candidate in candidates {
            let limit = candidate.count <= 4 ? 1 : 2
            guard let distance = distance(name, candidate, limit: limit) else { continue }
            guard distance < max(nameLength, 1) || distance == 0 else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }
}
