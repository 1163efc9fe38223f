/// Splits a command line into words, as a shell would for simple cases.
///
/// Words are separated by spaces or tabs. Single quotes keep everything up to the next
/// single quote; double quotes keep everything up to the next double quote, except that a
/// backslash escapes `"` and `\`; outside quotes a backslash escapes the next character.
/// Quotes may sit inside a word (`--tag="major plot"` is one word). This is all the prompt
/// does by hand: the words then go to the command types, as `recall`'s arguments do.
public enum ShellWords {
    /// A quote was opened and never closed.
    public struct UnterminatedQuote: Error, Hashable, CustomStringConvertible {
        /// The quote: `'` or `"`.
        public let quote: Character

        public var description: String { "unterminated quote: \(quote) is never closed" }
    }

    /// The words of `line`.
    public static func split(_ line: String) throws(UnterminatedQuote) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var characters = line[...]
        while let character = characters.popFirst() {
            switch character {
            case " ", "\t":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'":
                inWord = true
                guard let end = characters.firstIndex(of: "'") else { throw UnterminatedQuote(quote: "'") }
                current += characters[..<end]
                characters = characters[characters.index(after: end)...]
            case "\"":
                inWord = true
                var closed = false
                while let inner = characters.popFirst() {
                    if inner == "\"" {
                        closed = true
                        break
                    }
                    if inner == "\\", let next = characters.first, next == "\"" || next == "\\" {
                        current.append(next)
                        characters.removeFirst()
                    } else {
                        current.append(inner)
                    }
                }
                if !closed { throw UnterminatedQuote(quote: "\"") }
            case "\\":
                inWord = true
                if let next = characters.popFirst() { current.append(next) }
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
