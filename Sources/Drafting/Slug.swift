/// Turns text into a slug: lowercase ASCII letters and digits joined by single hyphens.
enum Slug {
    /// The slug of `text`, at most `limit` characters, cut at a hyphen; empty when `text`
    /// has no ASCII letter or digit. Accented Latin letters lose their accent (é → e).
    static func make(_ text: String, limit: Int = 64) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let plain = unaccented(scalar)
            switch plain.value {
            case 0x61...0x7A, 0x30...0x39, 0x41...0x5A:
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(
                    (0x41...0x5A).contains(plain.value) ? Unicode.Scalar(UInt8(plain.value + 32)) : plain)
            case 0x27, 0x2019:
                continue  // Kathy's → kathys
            default:
                pendingHyphen = true
            }
        }
        if result.count > limit {
            result = String(result.prefix(limit))
            if let lastHyphen = result.lastIndex(of: "-") { result = String(result[..<lastHyphen]) }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// A Latin-1 letter with an accent as its plain letter; anything else as is.
    private static func unaccented(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xC0...0xC5: "A"
        case 0xC7: "C"
        case 0xC8...0xCB: "E"
        case 0xCC...0xCF: "I"
        case 0xD1: "N"
        case 0xD2...0xD6, 0xD8: "O"
        case 0xD9...0xDC: "U"
        case 0xDD: "Y"
        case 0xE0...0xE5: "a"
        case 0xE7: "c"
        case 0xE8...0xEB: "e"
        case 0xEC...0xEF: "i"
        case 0xF1: "n"
        case 0xF2...0xF6, 0xF8: "o"
        case 0xF9...0xFC: "u"
        case 0xFD, 0xFF: "y"
        default: scalar
        }
    }
}
