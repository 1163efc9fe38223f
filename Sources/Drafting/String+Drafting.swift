extension String {
    /// The string without leading and trailing white space.
    var trimmed: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The string with every run of white space made one space, and trimmed.
    var collapsingWhitespace: String {
        // Fast path: ASCII spaces only, single, not at either end (most sentences).
        var simple = true
        var previousWasSpace = true
        for byte in utf8 {
            if byte == 0x20 {
                if previousWasSpace {
                    simple = false
                    break
                }
                previousWasSpace = true
            } else if byte < 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                // Controls, and the lead bytes of Unicode's other spaces (U+0085, U+00A0,
                // U+1680, U+2000–U+205F, U+3000): take the slow path.
                simple = false
                break
            } else {
                previousWasSpace = false
            }
        }
        if simple, !previousWasSpace || isEmpty { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Character {
    /// The character's Unicode scalar when it is a single one, else 0: for comparing
    /// punctuation quickly (comparing `Character`s goes through Unicode normalisation).
    var scalarValue: UInt32 {
        var scalars = unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return 0 }
        return first.value
    }

    /// Whether the character is one of `characters` (all single scalars).
    func isOne(of characters: [UInt32]) -> Bool {
        characters.contains(scalarValue)
    }

    /// `.`, `!`, `?` and `…`.
    static let sentenceEnds: [UInt32] = [0x2E, 0x21, 0x3F, 0x2026]
    /// Closing quotes and brackets: `”`, `"`, `’`, `'`, `)`, `]`.
    static let closers: [UInt32] = [0x201D, 0x22, 0x2019, 0x27, 0x29, 0x5D]
    /// Opening quotes and a bracket: `"`, `“`, `‘`, `'`, `(`.
    static let openers: [UInt32] = [0x22, 0x201C, 0x2018, 0x27, 0x28]

    /// Whether the character is an uppercase letter.
    var isUppercaseLetter: Bool { isLetter && isUppercase }
    /// Whether the character is a lowercase letter.
    var isLowercaseLetter: Bool { isLetter && isLowercase }
}
