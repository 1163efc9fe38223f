/// Character diffs between what was typed and what was expected.
enum AnswerDiff {
    /// Longest diffs computed character by character; longer texts get a whole-text diff.
    static let maximumLength = 400

    /// The diff from `typed` to `expected`, both as displayed (white space collapsed, and a
    /// leading determiner that only one side has left out, since it is forgiven).
    ///
    /// Characters are compared folded (case and accents ignored). At a substitution the
    /// typed-only run comes before the expected-only run.
    static func segments(typed: String, expected: String) -> [DiffSegment] {
        var typedText = AnswerNormalization.collapsingWhitespace(typed)
        var expectedText = AnswerNormalization.collapsingWhitespace(expected)
        let typedArticle = leadingArticleLength(typedText)
        let expectedArticle = leadingArticleLength(expectedText)
        if (typedArticle == 0) != (expectedArticle == 0) {
            typedText = String(typedText.dropFirst(typedArticle))
            expectedText = String(expectedText.dropFirst(expectedArticle))
        }
        let a = Array(typedText)
        let b = Array(expectedText)
        guard a.count <= maximumLength, b.count <= maximumLength else {
            return merge([DiffSegment(.typedOnly, typedText), DiffSegment(.expectedOnly, expectedText)])
        }
        let keysA = a.map(key)
        let keysB = b.map(key)
        // suffix[i][j]: length of the longest common subsequence of a[i...] and b[j...].
        let width = b.count + 1
        var suffix = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                suffix[i * width + j] =
                    keysA[i] == keysB[j]
                    ? suffix[(i + 1) * width + j + 1] + 1
                    : Swift.max(suffix[(i + 1) * width + j], suffix[i * width + j + 1])
            }
        }
        var segments: [DiffSegment] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, keysA[i] == keysB[j] {
                segments.append(DiffSegment(.same, String(b[j])))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || suffix[(i + 1) * width + j] >= suffix[i * width + j + 1] {
                segments.append(DiffSegment(.typedOnly, String(a[i])))
                i += 1
            } else {
                segments.append(DiffSegment(.expectedOnly, String(b[j])))
                j += 1
            }
        }
        return merge(segments)
    }

    /// Adjacent segments of the same kind joined; empty ones dropped.
    static func merge(_ segments: [DiffSegment]) -> [DiffSegment] {
        var result: [DiffSegment] = []
        for segment in segments where !segment.text.isEmpty {
            if let last = result.last, last.kind == segment.kind {
                result[result.count - 1].text += segment.text
            } else {
                result.append(segment)
            }
        }
        return result
    }

    /// The comparison key of a character: folded, so `É` and `e` are the same.
    private static func key(_ character: Character) -> String {
        AnswerNormalization.fold(String(character))
    }

    /// The length of a leading determiner and its space ("the ", "her ", any case) followed
    /// by more text, or 0.
    private static func leadingArticleLength(_ text: String) -> Int {
        guard let space = text.firstIndex(of: " ") else { return 0 }
        let first = AnswerNormalization.fold(String(text[..<space]))
        return AnswerNormalization.leadingDeterminers.contains(first)
            ? text.distance(from: text.startIndex, to: space) + 1 : 0
    }
}
