extension AnswerNormalization {
    /// What one number word stands for.
    enum NumberWord: Equatable {
        /// `zero` to `nine`.
        case unit(Int)
        /// `ten` to `nineteen`.
        case teen(Int)
        /// `twenty`, `thirty`, … `ninety`.
        case tens(Int)
        /// `hundred`.
        case hundred
        /// `thousand`, `million`.
        case scale(Int)

        /// Whether the word is a unit, a teen or a tens word.
        var isBelowHundred: Bool {
            switch self {
            case .unit, .teen, .tens: true
            case .hundred, .scale: false
            }
        }
    }

    /// The cardinal number words (folded, as ``words(_:)`` leaves them).
    static let cardinals: [String: NumberWord] = {
        var table: [String: NumberWord] = [:]
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        for (value, word) in units.enumerated() { table[word] = .unit(value) }
        let teens = [
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen",
        ]
        for (offset, word) in teens.enumerated() { table[word] = .teen(10 + offset) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (offset, word) in tens.enumerated() { table[word] = .tens(20 + 10 * offset) }
        table["fourty"] = .tens(40)  // the commonest misspelling of a number
        table["hundred"] = .hundred
        table["thousand"] = .scale(1000)
        table["million"] = .scale(1_000_000)
        return table
    }()

    /// The tens words, for reading them glued to a unit.
    static let tensWords: [(String, NumberWord)] = cardinals.filter { if case .tens = $0.value { true } else { false } }
        .map { ($0.key, $0.value) }

    /// The ordinal number words, by the cardinal they stand for.
    static let ordinals: [String: NumberWord] = {
        var table: [String: NumberWord] = [:]
        let units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
        for (offset, word) in units.enumerated() { table[word] = .unit(1 + offset) }
        let teens = [
            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth",
        ]
        for (offset, word) in teens.enumerated() { table[word] = .teen(10 + offset) }
        let tens = [
            "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
        ]
        for (offset, word) in tens.enumerated() { table[word] = .tens(20 + 10 * offset) }
        table["zeroth"] = .unit(0)
        table["hundredth"] = .hundred
        table["thousandth"] = .scale(1000)
        table["millionth"] = .scale(1_000_000)
        return table
    }()

    /// `words` with every number written in words or as an ordinal replaced by its digits.
    ///
    /// - A run of number words that reads as one number becomes that number: `three` → `3`,
    ///   `thirty one` (from `thirty-one`) → `31`, `one hundred and five` → `105`,
    ///   `two thousand` → `2000`. A tens word glued to a unit counts too (`thirtyone` → `31`).
    ///   Words that cannot continue a number start a new one: `one two` → `1 2`.
    /// - An ordinal ends its number and counts as the number: `fourth` → `4`,
    ///   `twenty-first` → `21`, and digits with an ordinal suffix lose it: `4th` → `4`,
    ///   `21st` → `21`. (`1990s` is not an ordinal and stays as it is.)
    /// - `and` is part of a number only between a `hundred`/`thousand` and what follows it.
    ///
    /// Every other word is left as it is, so `5` and `four` stay different answers.
    public static func numbersAsDigits(_ words: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(words.count)
        var index = 0
        while index < words.count {
            if let (value, length) = number(in: words, at: index) {
                result.append(String(value))
                index += length
            } else {
                result.append(digitsWithoutOrdinalSuffix(words[index]) ?? words[index])
                index += 1
            }
        }
        return result
    }

    /// One number word, cardinal or ordinal, also a tens word glued to a unit
    /// (`thirtyone`, `twentyfirst`); `isOrdinal` when it ends a number.
    static func numberWord(_ word: String) -> [(word: NumberWord, isOrdinal: Bool)]? {
        if let cardinal = cardinals[word] { return [(cardinal, false)] }
        if let ordinal = ordinals[word] { return [(ordinal, true)] }
        // A tens word glued to a unit: "thirtyone", "twentyfirst".
        for (prefix, tens) in tensWords where word.count > prefix.count && word.hasPrefix(prefix) {
            let rest = String(word.dropFirst(prefix.count))
            if case .unit(let unit)? = cardinals[rest], unit > 0 { return [(tens, false), (.unit(unit), false)] }
            if case .unit(let unit)? = ordinals[rest], unit > 0 { return [(tens, false), (.unit(unit), true)] }
        }
        return nil
    }

    /// The number that starts at `words[start]`, with how many words it takes, if one does.
    static func number(in words: [String], at start: Int) -> (value: Int, length: Int)? {
        /// What came last in the number so far.
        enum Last { case nothing, unit, teen, tens, hundred, scale }
        var total = 0  // the thousands and millions already closed
        var group = 0  // the part below the last scale word
        var last = Last.nothing
        var smallestScale = Int.max
        var index = start
        var consumed = 0  // words that belong to the number (a trailing "and" does not)
        while index < words.count {
            var word = words[index]
            if word == "and" {
                // "and" only joins a hundred or a thousand to a following number below a hundred.
                guard last == .hundred || last == .scale, index + 1 < words.count,
                    let next = numberWord(words[index + 1])?.first, next.word.isBelowHundred
                else { break }
                index += 1
                word = words[index]
            }
            guard let parts = numberWord(word) else { break }
            var ended = false
            var fits = true
            for part in parts {
                switch part.word {
                case .unit(0):
                    // Zero stands alone.
                    guard last == .nothing else {
                        fits = false
                        break
                    }
                    ended = true
                case .unit(let value):
                    guard last == .nothing || last == .tens || last == .hundred || last == .scale else {
                        fits = false
                        break
                    }
                    group += value
                    last = .unit
                case .teen(let value), .tens(let value):
                    guard last == .nothing || last == .hundred || last == .scale else {
                        fits = false
                        break
                    }
                    group += value
                    if case .teen = part.word { last = .teen } else { last = .tens }
                case .hundred:
                    guard group < 100, last != .hundred else {
                        fits = false
                        break
                    }
                    group = last == .nothing || last == .scale ? 100 : group * 100
                    last = .hundred
                case .scale(let scale):
                    guard scale < smallestScale else {
                        fits = false
                        break
                    }
                    total += (last == .nothing || last == .scale ? 1 : group) * scale
                    group = 0
                    smallestScale = scale
                    last = .scale
                }
                if !fits { break }
                if part.isOrdinal { ended = true }
            }
            // A word that cannot continue the number (or that only partly could) starts the next one.
            if !fits { break }
            index += 1
            consumed = index - start
            if ended { break }
        }
        return consumed > 0 ? (total + group, consumed) : nil
    }

    /// The digits of `word` when it is digits followed by an ordinal suffix (`4th`, `21st`,
    /// `2nd`, `3rd`), else `nil`.
    static func digitsWithoutOrdinalSuffix(_ word: String) -> String? {
        guard word.count > 2 else { return nil }
        let suffix = word.suffix(2)
        guard suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" else { return nil }
        let digits = word.dropLast(2)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(digits)
    }
}
