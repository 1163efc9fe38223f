import Foundation

/// The rules deck text and ids must follow.
///
/// - Slugs (deck, card and source ids): 1 to 64 characters, lowercase ASCII letters,
///   digits and single hyphens, starting and ending with a letter or digit
///   (`ruth-possible`, `chapter-7`).
/// - Text: any Unicode except control characters. A line break (`"\n"`) is allowed; tab,
///   escape (ESC, which starts terminal escape sequences), every other C0 control
///   (U+0000–U+001F), DEL (U+007F) and the C1 controls (U+0080–U+009F) are rejected.
/// - Invisible characters: the bidirectional controls (U+200E, U+200F, U+202A–U+202E,
///   U+2066–U+2069), which can make text read differently from what it is, and the
///   zero-width characters (U+200B–U+200D, U+2060, U+FEFF), which make different text look
///   the same. They are rejected in answers and choices and warned about elsewhere.
public enum TextRules {
    /// The longest slug allowed.
    public static let maximumSlugLength = 64

    /// How a slug must be written, for messages.
    public static let slugRule =
        "lowercase letters, digits and single hyphens, starting and ending with a letter or digit"

    /// Whether `text` is a valid slug.
    public static func isSlug(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= maximumSlugLength else { return false }
        var previousWasHyphen = true  // forbids a leading hyphen
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// Whether `scalar` is a control character text may not contain (everything in C0,
    /// DEL and C1 except the line break).
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A) || (value >= 0x7F && value <= 0x9F)
    }

    /// The first forbidden control character in `text`, if any.
    public static func firstForbiddenCharacter(in text: String) -> Unicode.Scalar? {
        // Fast path: scan the UTF-8 bytes; C1 controls are encoded as C2 80...C2 9F.
        func suspicious(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where (byte < 0x20 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 { return true }
            return false
        }
        let found =
            text.utf8.withContiguousStorageIfAvailable(suspicious)
            ?? Array(text.utf8).withUnsafeBufferPointer(suspicious)
        guard found else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }
}

extension TextRules {
    /// Whether `scalar` is a bidirectional control or a zero-width character.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The first bidirectional control or zero-width character in `text`, if any.
    public static func firstInvisibleCharacter(in text: String) -> Unicode.Scalar? {
        // Fast path: every one of them is encoded in UTF-8 starting with E2 or EF.
        func suspicious(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte == 0xE2 || byte == 0xEF { return true }
            return false
        }
        let found =
            text.utf8.withContiguousStorageIfAvailable(suspicious)
            ?? Array(text.utf8).withUnsafeBufferPointer(suspicious)
        guard found else { return nil }
        return text.unicodeScalars.first(where: isInvisible)
    }

    /// A short name for an invisible character, for messages.
    static func invisibleCharacterName(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x200B: "zero width space"
        case 0x200C: "zero width non-joiner"
        case 0x200D: "zero width joiner"
        case 0x2060: "word joiner"
        case 0xFEFF: "zero width no-break space"
        default: "a bidirectional control"
        }
    }

    /// How `text` looks on screen, for telling apart choices: without invisible characters
    /// (bidirectional controls, zero-width characters and other default-ignorable code
    /// points), in compatibility normal form (NFKC: ligatures, full-width and other
    /// variants become the plain letters), with runs of white space as one space and no
    /// white space at either end. Case is kept: "Tommy" and "tommy" look different.
    public static func appearance(of text: String) -> String {
        var visible = String.UnicodeScalarView()
        var pendingSpace = false
        var isASCII = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isSpace: Bool
            if value < 0x80 {
                // The common case, without looking up Unicode properties.
                isSpace = value == 0x20 || (0x09...0x0D).contains(value)
            } else {
                isASCII = false
                if isInvisible(scalar) || scalar.properties.isDefaultIgnorableCodePoint { continue }
                isSpace = scalar.properties.isWhitespace
            }
            if isSpace {
                pendingSpace = !visible.isEmpty
                continue
            }
            if pendingSpace {
                visible.append(" ")
                pendingSpace = false
            }
            visible.append(scalar)
        }
        let result = String(visible)
        return isASCII ? result : result.precomposedStringWithCompatibilityMapping
    }

    /// A code point written the Unicode way: `U+001B`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
