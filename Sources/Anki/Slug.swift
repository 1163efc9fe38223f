import Decks
import Foundation

/// Makes recall ids (slugs) out of Anki names, tags and guids.
public enum Slug {
    /// `Lit::Novel::Part 1` → `lit-novel-part-1`; accents are dropped (`Élève` → `eleve`),
    /// any other run of non-alphanumerics becomes one hyphen. Longer than 64 characters,
    /// the slug is cut and ends with a hash of the whole name, so distinct names stay
    /// distinct. `nil` when nothing usable is left.
    public static func make(_ text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isASCIIAlphanumeric = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if isASCIIAlphanumeric {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if ("A"..."Z").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug += String(scalar).lowercased()
            } else {
                pendingHyphen = true
            }
        }
        guard !slug.isEmpty else { return nil }
        if slug.utf8.count > TextRules.maximumSlugLength {
            var hash = FNV1a64()
            hash.combine(text.utf8)
            let suffix = String(hash.hexDigest.prefix(8))
            var cut = String(slug.prefix(TextRules.maximumSlugLength - suffix.count - 1))
            while cut.hasSuffix("-") { cut.removeLast() }
            slug = cut + "-" + suffix
        }
        return slug
    }

    /// The card id of an Anki note: `anki-` and 16 hex digits of a hash of its guid (guids
    /// are case-sensitive, so lowercasing them could merge two notes).
    public static func cardID(guid: String) -> String {
        var hash = FNV1a64()
        hash.combine(guid.utf8)
        return "anki-" + hash.hexDigest
    }
}
