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
