/// Edit distances and "did you mean …?" suggestions for misspelt names.
///
/// Public so that the layers above (Study's answer checking, the REPL's command
/// suggestions) can share one implementation.
public enum EditDistance {
    /// The optimal string alignment distance between two sequences: insertions, deletions,
    /// substitutions and swaps of two neighbouring elements each count one.
    public static func distance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// The optimal string alignment distance between two strings in Unicode scalars,
    /// compared case-insensitively.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars))
    }

    /// The candidate closest to `name`, if it is close enough to be a likely typo: at most
    /// one edit for candidates of up to 4 characters, two for longer ones, and fewer edits
    /// than `name` has characters. Ties go to the earlier candidate.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(name, candidate)
            let limit = candidate.count <= 4 ? 1 : 2
            guard distance <= limit, distance < max(name.count, 1) || distance == 0 else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }
}
