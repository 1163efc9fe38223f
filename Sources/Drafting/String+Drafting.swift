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
    /// Whether the character is an uppercase letter.
    var isUppercaseLetter: Bool { isLetter && isUppercase }
    /// Whether the character is a lowercase letter.
    var isLowercaseLetter: Bool { isLetter && isLowercase }
}
