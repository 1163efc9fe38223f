import Foundation

/// How typed answers are reduced to a comparable form before matching.
///
/// Two texts that normalise to the same words (compared with ``sameWords(_:_:)``, which
/// also lets a singular stand for its plural) are the same answer. The steps, in order:
///
/// 1. Unicode folding: case folding (`Straße` → `strasse`), accents and other diacritics
///    removed (`Émile` → `emile`), full-width forms narrowed, and the few letters that do not
///    decompose spelled out (`æ` → `ae`, `œ` → `oe`, `ø` → `o`, `ł` → `l`, `đ`/`ð` → `d`,
///    `þ` → `th`, `ı` → `i`).
/// 2. Punctuation: dashes and slashes separate words (`well-known` → `well known`); every
///    other punctuation mark is dropped (`Kathy H.` → `kathy h`, `Ruth's` → `ruths`).
///    Symbols such as `+`, `=` or `$` are kept: they carry meaning (Unicode counts `&` as
///    punctuation, so it goes).
/// 3. Whitespace: split into words on any run of white space, so surrounding and repeated
///    spaces never matter.
/// 4. Numbers: number words become digits, and ordinals their number (see
///    ``numbersAsDigits(_:)``): `three` → `3`, `thirty-one` → `31`, `fourth` and `4th` → `4`.
/// 5. A leading determiner (`the`, `a`, `an`, `his`, `her`, `their`, `its`) is dropped when
///    other words follow (`the Cottages` → `cottages`, `her second` → `2`), so it is forgiven
///    on either side.
public enum AnswerNormalization {
    /// The determiners dropped from the start of an answer when more words follow.
    public static let leadingDeterminers: Set<String> = ["the", "a", "an", "his", "her", "their", "its"]

    /// `text` case-folded, without diacritics and with the non-decomposing letters spelled
    /// out (step 1 only: punctuation and spacing are untouched).
    public static func fold(_ text: String) -> String {
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
        )
        guard folded.unicodeScalars.contains(where: { !$0.isASCII }) else { return folded }
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "æ": result += "ae"
            case "œ": result += "oe"
            case "ø": result += "o"
            case "ł": result += "l"
            case "đ", "ð": result += "d"
            case "þ": result += "th"
            case "ı": result += "i"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The normalised words of `text` (all five steps); empty for a blank or
    /// punctuation-only text.
    public static func words(_ text: String) -> [String] {
        words(text, convertingNumbers: true)
    }

    /// The normalised words of `text`, with number words left as words unless
    /// `convertingNumbers` (step 4).
    static func words(_ text: String, convertingNumbers: Bool) -> [String] {
        finishing(splitWords(text), convertingNumbers: convertingNumbers)
    }

    /// The words of `text` after steps 1 to 3 (folded, split, punctuation dropped).
    static func splitWords(_ text: String) -> [String] {
        let folded = fold(text)
        return splitASCIIWords(folded) ?? splitAnyWords(folded)
    }

    /// ``splitWords(_:)`` on folded text, character by character.
    static func splitAnyWords(_ folded: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in folded {
            if character.isWhitespace || isSeparatingPunctuation(character) {
                if !word.isEmpty {
                    words.append(word)
                    word = ""
                }
            } else if !isPunctuation(character) {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// Steps 4 and 5 on the words of ``splitWords(_:)``: numbers as digits (when
    /// `convertingNumbers`), then a leading determiner dropped.
    static func finishing(_ split: [String], convertingNumbers: Bool) -> [String] {
        var words = convertingNumbers ? numbersAsDigits(split) : split
        if words.count > 1, leadingDeterminers.contains(words[0]) { words.removeFirst() }
        return words
    }

    /// ``splitWords(_:)`` for all-ASCII text, byte by byte (the same result, many times
    /// faster on long answers); `nil` when `text` has any other character.
    static func splitASCIIWords(_ text: String) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        var isASCII = true
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes {
                guard byte < 0x80 else {
                    isASCII = false
                    return
                }
                switch byte {
                case 0x09...0x0D, 0x20, UInt8(ascii: "-"), UInt8(ascii: "/"):
                    // White space, and the separating dash and slash.
                    if !word.isEmpty {
                        words.append(String(decoding: word, as: UTF8.self))
                        word.removeAll(keepingCapacity: true)
                    }
                case 0x21...0x23, 0x25...0x2A, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D:
                    // Punctuation (Unicode's P categories): ! " # % & ' ( ) * , . : ; ? @ [ \ ] _ { }
                    break
                case 0x00...0x08, 0x0E...0x1F, 0x7F:
                    // Controls are neither letters nor punctuation; the general loop keeps them.
                    isASCII = false
                    return
                default:
                    word.append(byte)
                }
            }
        } ?? { isASCII = false }()
        guard isASCII else { return nil }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// The normalised form of `text`: its ``words(_:)`` joined by single spaces.
    public static func normalize(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// `text` trimmed with every run of white space collapsed to one space, for display.
    public static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether every scalar of `character` is a punctuation mark.
    static func isPunctuation(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                true
            default:
                false
            }
        }
    }

    /// Whether `character` separates words like a space: dashes and slashes.
    static func isSeparatingPunctuation(_ character: Character) -> Bool {
        if character == "/" { return true }
        return character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .dashPunctuation }
    }
}
