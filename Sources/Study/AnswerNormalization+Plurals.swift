extension AnswerNormalization {
    /// The shortest singular, in letters, whose plural is taken for it.
    public static let minimumPluralLength = 4

    /// Plurals that no ending rule makes.
    static let irregularPlurals: [String: String] = [
        "child": "children", "woman": "women", "person": "people", "foot": "feet", "tooth": "teeth",
        "goose": "geese", "mouse": "mice",
    ]

    /// Whether two normalised word lists are the same answer: the same number of words, and
    /// word for word the same word (see ``sameWord(_:_:)``).
    public static func sameWords(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { sameWord($0, $1) }
    }

    /// Whether two normalised words are the same word, counting a singular of at least
    /// ``minimumPluralLength`` letters and its plural as the same: `soul` = `souls`,
    /// `memory` = `memories`, `church` = `churches`, `life` = `lives`, `child` = `children`.
    /// Shorter words, and words with digits, must be equal (`art` ≠ `arts`, `4` ≠ `4s`).
    public static func sameWord(_ a: String, _ b: String) -> Bool {
        a == b || isPlural(a, of: b) || isPlural(b, of: a)
    }

    /// Whether `plural` is a plural of `singular` by the regular English endings or the few
    /// common irregular ones.
    static func isPlural(_ plural: String, of singular: String) -> Bool {
        let difference = plural.utf8.count - singular.utf8.count
        guard difference >= -1, difference <= 3 else { return false }  // cheap test first: plurals are a little longer
        guard singular.count >= minimumPluralLength, singular.allSatisfy(\.isLetter) else { return false }
        if irregularPlurals[singular] == plural { return true }
        guard plural.count > singular.count, plural.count <= singular.count + 2 else { return false }
        // soul → souls, creature → creatures (but not princes → princess: a word in s takes es)
        if plural == singular + "s", !singular.hasSuffix("s") { return true }
        // class → classes, church → churches, hero → heroes
        if plural == singular + "es",
            ["s", "x", "z", "ch", "sh", "o"].contains(where: { singular.hasSuffix($0) })
        {
            return true
        }
        // memory → memories
        if singular.hasSuffix("y"), plural == singular.dropLast() + "ies" { return true }
        // self → selves, life → lives
        if singular.hasSuffix("f"), plural == singular.dropLast() + "ves" { return true }
        if singular.hasSuffix("fe"), plural == singular.dropLast(2) + "ves" { return true }
        return false
    }
}
