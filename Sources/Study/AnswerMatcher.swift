import Decks

/// Checks a typed answer against the accepted answers, forgiving what a person would.
///
/// An answer is **correct** when its normalised words (see ``AnswerNormalization``: case,
/// accents, punctuation, spacing and a leading determiner do not matter, numbers in words
/// equal their digits and ordinals their number) are, word for word, those of an accepted
/// answer, a singular of four letters or more standing for its plural
/// (``AnswerNormalization/sameWords(_:_:)``): `three` for `3`, `4th` for `fourth`,
/// `souls` for `soul`, `her second donation` for `second donation`.
///
/// Otherwise it is **correct with a typo** when it has the same number of words as an
/// accepted answer and, word for word, each typed word either is the expected word or is
/// one edit away from it — one character inserted, deleted, replaced, or two adjacent
/// characters swapped — and the expected word has at least ``minimumTypoLength`` (5)
/// letters and no digit. So every long word may carry one typo, short words and numbers
/// none: `Hailshem` passes for `Hailsham` and `Kathy Hailshem` for `Kathy Hailsham`, but
/// `Rith` does not pass for `Ruth` (four letters), nor `Rith Hailsham` for `Ruth Hailsham`,
/// nor `19998` for `19999`, nor `5` or `five` for `four`. A space too many or too few is
/// also forgiven as a typo when that is the only difference (`Hail sham` for `Hailsham`).
///
/// Otherwise it is **incorrect**. It is reported as a *close miss* (with the accepted answer
/// it came nearest to and a diff) when its normalised text is within
/// `max(2, 30% of the expected length)` edits of that answer's and those edits touch fewer
/// than half of its characters; `Rith` for `Ruth` is a close miss, `Tommy` for `Ruth` is not.
/// An empty answer is incorrect and never close, and so is any answer to an accepted answer
/// longer than ``maximumCloseLength`` characters, where a diff could not be shown anyway.
///
/// Checking takes time linear in the lengths of the answers: words are compared in one pass,
/// and the close-miss distance is only computed, in a band, for short expected answers.
public struct AnswerMatcher: Sendable, Hashable {
    /// The shortest word, in letters, in which one typo is forgiven.
    public var minimumTypoLength: Int

    /// The longest accepted answer, in characters once normalised, that a wrong answer can be
    /// a close miss of.
    public static let maximumCloseLength = AnswerDiff.maximumLength

    /// Creates a matcher; `minimumTypoLength` is 5 letters unless told otherwise.
    public init(minimumTypoLength: Int = 5) {
        self.minimumTypoLength = minimumTypoLength
    }

    /// The verdict on `typed` when any of `accepted` is a right answer.
    ///
    /// Exact matches win over typo matches, and among several candidates the first accepted
    /// answer in order is reported.
    public func check(_ typed: String, against accepted: [String]) -> AnswerVerdict {
        let typedSplit = AnswerNormalization.splitWords(typed)
        let typedWords = AnswerNormalization.finishing(typedSplit, convertingNumbers: true)
        guard !typedWords.isEmpty else { return .incorrect(closest: nil, differences: []) }
        let candidates = accepted.map { text in
            let split = AnswerNormalization.splitWords(text)
            return (
                text: text, words: AnswerNormalization.finishing(split, convertingNumbers: true),
                joined: AnswerNormalization.finishing(split, convertingNumbers: false).joined()
            )
        }
        if candidates.contains(where: { AnswerNormalization.sameWords($0.words, typedWords) }) { return .correct }
        // A space too many or too few: compared before number words become digits, so that
        // `one two` is not taken for `12`.
        let typedJoined = AnswerNormalization.finishing(typedSplit, convertingNumbers: false).joined()
        for candidate in candidates where isTypoMatch(typedWords, candidate.words) || typedJoined == candidate.joined {
            return .correctWithTypo(
                expected: candidate.text, differences: AnswerDiff.segments(typed: typed, expected: candidate.text)
            )
        }
        let typedText = Array(typedWords.joined(separator: " "))
        var best: (text: String, distance: Int)?
        for candidate in candidates where !candidate.words.isEmpty {
            let expectedText = Array(candidate.words.joined(separator: " "))
            guard expectedText.count <= Self.maximumCloseLength else { continue }
            let limit = min(closeLimit(length: expectedText.count), (best?.distance ?? .max) - 1)
            if let distance = EditDistance.distance(typedText, expectedText, limit: limit) {
                best = (candidate.text, distance)
            }
        }
        if let best {
            return .incorrect(closest: best.text, differences: AnswerDiff.segments(typed: typed, expected: best.text))
        }
        return .incorrect(closest: nil, differences: [])
    }

    /// The verdict on `typed` when `accepted` is the one right answer.
    public func check(_ typed: String, against accepted: String) -> AnswerVerdict {
        check(typed, against: [accepted])
    }

    /// Whether the typed words match the expected words with at most one typo per long word.
    func isTypoMatch(_ typed: [String], _ expected: [String]) -> Bool {
        guard typed.count == expected.count, !expected.isEmpty else { return false }
        for (typedWord, expectedWord) in zip(typed, expected)
        where !AnswerNormalization.sameWord(typedWord, expectedWord) {
            let expectedLetters = Array(expectedWord)
            guard expectedLetters.count >= minimumTypoLength, !expectedLetters.contains(where: \.isNumber),
                EditDistance.isWithinOneEdit(Array(typedWord), expectedLetters)
            else { return false }
        }
        return true
    }

    /// The most edits from an expected text of `length` characters that is still a near miss.
    func closeLimit(length: Int) -> Int {
        min(max(2, length * 3 / 10), (length - 1) / 2)
    }

    /// Whether `distance` edits from an expected text of `length` characters is a near miss.
    func isClose(distance: Int, length: Int) -> Bool {
        distance <= closeLimit(length: length)
    }
}
