/// One problem found in a deck file, printed as
/// `FILE:LINE:COLUMN: error: card "ID": message` (or `warning:` for a warning).
///
/// An error makes the deck unusable; a warning (such as an invisible character in a
/// prompt) is worth fixing but the deck loads.
///
/// The card part is left out for deck-level problems; a card without a usable id is named
/// by its position (`card #3`). Line and column are 1-based; the column counts Unicode
/// characters (code points), not bytes, from the start of the line. Problems about a
/// whole file (it cannot be read, a path does not exist) have no line and column.
public struct DeckProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as given or found (relative to the current directory when inside it).
    public var file: String
    /// The 1-based line, when the problem is at a place in the file.
    public var line: Int?
    /// The 1-based column in characters, when the problem is at a place in the file.
    public var column: Int?
    /// The id of the card the problem is in, if any.
    public var cardID: String?
    /// The 1-based position of the card in `cards`, used when it has no usable id.
    public var cardNumber: Int?
    /// What is wrong and, where possible, how to fix it.
    public var message: String
    /// Whether the problem makes the deck unusable.
    public var severity: Severity

    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The deck cannot be used until it is fixed.
        case error
        /// The deck loads, but something in it is likely a mistake.
        case warning
    }

    /// Whether this is an error (not a warning).
    public var isError: Bool { severity == .error }

    /// Creates a problem.
    public init(
        file: String, line: Int? = nil, column: Int? = nil, cardID: String? = nil,
        cardNumber: Int? = nil, message: String, severity: Severity = .error
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.cardID = cardID
        self.cardNumber = cardNumber
        self.message = message
        self.severity = severity
    }

    /// The problem as one line: `Decks/plot.json:41:17: error: card "ruth": unknown field…`.
    public var description: String {
        // A file name is untrusted too: escape any control character in it.
        var result =
            TextRules.firstForbiddenCharacter(in: file) == nil ? file : String(quoted(file).dropFirst().dropLast())
        if let line, let column { result += ":\(line):\(column)" }
        result += ": \(severity.rawValue): "
        if let cardID {
            result += "card \(quoted(cardID)): "
        } else if let cardNumber {
            result += "card #\(cardNumber): "
        }
        return result + message
    }
}
