/// Wraps text to a width in terminal columns, breaking between words.
///
/// Existing line breaks are kept; runs of spaces between words become one space where a
/// line is broken; a word longer than a whole line is cut. Widths are display widths
/// (`DisplayWidth`), so wide characters count two and combining marks none.
public struct TextWrapper: Sendable, Hashable {
    /// The widest a line may be, in columns (at least 10).
    public var width: Int

    /// A wrapper for lines of at most `width` columns.
    public init(width: Int) {
        self.width = max(10, width)
    }

    /// A wrapper for the current terminal: its width, at most `maximum` columns so long
    /// lines stay readable on wide terminals.
    public static func forTerminal(maximum: Int = 100) -> TextWrapper {
        TextWrapper(width: min(Terminal.columns(), maximum))
    }

    /// `text` wrapped; every line starts with `indent` (the first with `firstIndent` if given).
    public func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        var lines: [String] = []
        var first = true
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = first ? (firstIndent ?? indent) : indent
            lines.append(contentsOf: wrapParagraph(String(paragraph), firstIndent: lead, indent: indent))
            first = false
        }
        return lines.joined(separator: "\n")
    }

    private func wrapParagraph(_ paragraph: String, firstIndent: String, indent: String) -> [String] {
        let pieces = Self.pieces(of: paragraph)
        if pieces.allSatisfy({ $0.word.isEmpty }) { return [(firstIndent + paragraph).trimmingTrailingSpaces()] }
        var lines: [String] = []
        var current = firstIndent
        var currentWidth = DisplayWidth.of(firstIndent)
        var lineHasWord = false
        let indentWidth = DisplayWidth.of(indent)
        for (index, piece) in pieces.enumerated() {
            var word = piece.word
            var wordWidth = DisplayWidth.of(word)
            // The spaces before the word: kept as written inside a line, and before the
            // first word of the paragraph (its indentation); dropped where a line breaks.
            var gap = lineHasWord || index == 0 ? piece.spaces : ""
            if lineHasWord && currentWidth + gap.count + wordWidth > width {
                lines.append(current)
                current = indent
                currentWidth = indentWidth
                lineHasWord = false
                gap = ""
            }
            current += gap
            currentWidth += gap.count
            // A word too wide for the rest of the line is cut into pieces that fit, in one
            // pass over its characters (each measured once), so a word of a million
            // characters takes time in proportion to its length.
            if currentWidth + wordWidth > width {
                var available = max(1, width - currentWidth)
                var pieceStart = word.startIndex
                var pieceWidth = 0
                var index = word.startIndex
                while index < word.endIndex {
                    let next = DisplayWidth.of(word[index])
                    if pieceWidth + next > available && index != pieceStart {
                        current += word[pieceStart..<index]
                        lines.append(current)
                        current = indent
                        currentWidth = indentWidth
                        available = max(1, width - indentWidth)
                        pieceStart = index
                        pieceWidth = 0
                    }
                    pieceWidth += next
                    index = word.index(after: index)
                }
                word = String(word[pieceStart...])
                wordWidth = pieceWidth
            }
            current += word
            currentWidth += wordWidth
            lineHasWord = lineHasWord || !word.isEmpty
        }
        lines.append(current.trimmingTrailingSpaces())
        return lines
    }

    /// The paragraph as words, each with the spaces written before it (the last piece may
    /// be only spaces).
    private static func pieces(of paragraph: String) -> [(spaces: String, word: String)] {
        var pieces: [(spaces: String, word: String)] = []
        var spaces = ""
        var word = ""
        for character in paragraph {
            if character == " " {
                if !word.isEmpty {
                    pieces.append((spaces, word))
                    spaces = ""
                    word = ""
                }
                spaces.append(character)
            } else {
                word.append(character)
            }
        }
        pieces.append((spaces, word))
        return pieces
    }
}

extension String {
    /// The string without trailing spaces.
    public func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
