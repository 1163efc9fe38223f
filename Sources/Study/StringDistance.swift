/// Edit distances between short strings, counted in characters.
enum StringDistance {
    /// The optimal-string-alignment distance: the fewest insertions, deletions,
    /// substitutions and swaps of two adjacent characters that turn `a` into `b`.
    ///
    /// A swap (`Hialsham` for `Hailsham`) counts as one edit, as typists make it in one slip.
    static func edits(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previousPrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previousPrevious[j - 2] + 1)
                }
                current[j] = best
            }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ``edits(_:_:)`` of two strings.
    static func edits(_ a: String, _ b: String) -> Int {
        edits(Array(a), Array(b))
    }
}
