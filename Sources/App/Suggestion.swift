import Decks

/// Finds the nearest known word to a mistyped one, for "did you mean" messages.
public enum Suggestion {
    /// The candidate nearest to `word`, or `nil` when none is close enough.
    ///
    /// A candidate is close when `word` is the start of it and of no other candidate, or
    /// when it is within one edit (two for words of five letters or more), counting a swap
    /// of two neighbouring letters as one edit, or, failing that, when it is the only
    /// candidate that contains `word` (of three letters or more). Ties go to the earlier candidate.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        guard !lowered.isEmpty else { return nil }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        if prefixed.count == 1 { return prefixed[0] }
        let allowed = lowered.count >= 5 ? 2 : 1
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = EditDistance.distance(Array(lowered), Array(candidate.lowercased()))
            if distance <= allowed && distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // Long ids: "plot" for "never-let-me-go-plot", when only one candidate contains it.
        guard lowered.count >= 3 else { return nil }
        let containing = candidates.filter { $0.lowercased().contains(lowered) }
        return containing.count == 1 ? containing[0] : nil
    }
}
