/// Why a command line could not be split into words.
public enum TokenizerError: Error, Hashable, CustomStringConvertible {
    /// A quote was opened and never closed.
    case unterminatedQuote(Character)

    public var description: String {
        switch self {
        case .unterminatedQuote(let quote): "unterminated quote: \(quote) is never closed"
        }
    }
}
