/// A proper name found in a sentence: `Miss Lucy`, `Kathy H.`, `The Cottages`.
struct NameSpan: Sendable, Hashable {
    /// The name as written, without a possessive `'s`.
    var text: String
    /// Where it starts in the sentence's characters.
    var start: Int
    /// Just past its end (before a possessive `'s`).
    var end: Int
}

/// What a name names, as far as its uses tell.
enum NameKind: Sendable, Hashable {
    /// A person (or a character).
    case person
    /// A place.
    case place
    /// Unknown.
    case other
}
