/// One run of a character diff between a typed answer and the expected one.
///
/// A diff is an array of segments that, read in order, spell the typed answer when the
/// `.expectedOnly` runs are skipped, and the expected answer when the `.typedOnly` runs are
/// skipped. The terminal colours them (for example expected-only in green, typed-only struck
/// through in red); ``description`` renders them without colour, `wdiff` style.
public struct DiffSegment: Sendable, Hashable, CustomStringConvertible {
    /// What a run is.
    public enum Kind: Sendable, Hashable {
        /// In both answers (letters that differ only by case or accent count as the same;
        /// the text is the expected answer's).
        case same
        /// Only in the expected answer: the user left it out or mistyped it.
        case expectedOnly
        /// Only in what the user typed.
        case typedOnly
    }

    /// What the run is.
    public var kind: Kind
    /// The characters of the run.
    public var text: String

    /// Creates a segment.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// The run without colour: same text as is, `[-typed-]`, `{+expected+}`.
    public var description: String {
        switch kind {
        case .same: text
        case .typedOnly: "[-" + text + "-]"
        case .expectedOnly: "{+" + text + "+}"
        }
    }
}

extension [DiffSegment] {
    /// The whole diff without colour: `Hailsh[-e-]{+a+}m`.
    public var rendered: String {
        map(\.description).joined()
    }
}
