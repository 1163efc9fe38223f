/// A term of a sentence worth asking about, with every place it occurs in the sentence.
struct KeyTerm: Sendable, Hashable {
    /// What kind of term it is, in the order clozes prefer them.
    enum Kind: Int, Sendable, Hashable, Comparable {
        /// A proper name.
        case name
        /// A number or date.
        case number
        /// A title in italics or a short phrase in quotes.
        case title
        /// The sentence's rarest content word.
        case word

        static func < (left: Kind, right: Kind) -> Bool { left.rawValue < right.rawValue }
    }

    /// The term as written.
    var text: String
    /// Its kind.
    var kind: Kind
    /// Where it occurs: ranges of the sentence's characters.
    var ranges: [Range<Int>]
}

/// The shape of a number, so that a false statement swaps like for like.
enum NumberShape: Sendable, Hashable {
    /// A year: 1922.
    case year
    /// A decade: 1990s.
    case decade
    /// An ordinal in digits: 3rd.
    case ordinalDigits
    /// An ordinal in words: third.
    case ordinalWord
    /// A number in words: three.
    case cardinalWord
    /// A percentage: 40%.
    case percent
    /// Any other number in digits: 31, 20,000.
    case digits

    private static let cardinalWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "million",
    ]
    private static let ordinalWords: Set<String> = [
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "twentieth", "hundredth",
    ]

    /// The shape of a token, or nil when it is not a number.
    init?(_ text: String) {
        let lower = text.lowercased()
        if NumberShape.cardinalWords.contains(lower) {
            self = .cardinalWord
            return
        }
        if NumberShape.ordinalWords.contains(lower) {
            // "second" is also a common word; only ordinal uses are asked (see the drafter).
            self = .ordinalWord
            return
        }
        guard let first = text.first, first.isNumber else { return nil }
        let digits = text.prefix(while: { $0.isNumber || $0 == "," || $0 == "." })
        let rest = text.dropFirst(digits.count)
        switch rest {
        case "":
            if digits.count == 4, let value = Int(digits), (1000...2099).contains(value) {
                self = .year
            } else {
                self = .digits
            }
        case "s" where digits.count == 4 || digits.count == 2: self = .decade
        case "st", "nd", "rd", "th": self = .ordinalDigits
        case "%": self = .percent
        default: return nil
        }
    }
}
