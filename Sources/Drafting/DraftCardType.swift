/// The card types `recall draft` can make, as named by `--types`.
public enum DraftCardType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Cloze deletions of a sentence's key terms.
    case cloze
    /// "Who is described?" with the name typed.
    case typed
    /// "Who is described?" and "Who says …?" as multiple choice.
    case choice
    /// A true statement from the text and its false twin.
    case truefalse
    /// Name ↔ description, and "How does the text treat THEME?".
    case basic

    /// Parses a comma-separated list such as `cloze,typed`; nil names the first unknown type.
    public static func parseList(_ text: String) -> Result<Set<DraftCardType>, DraftTypeListError> {
        var types: Set<DraftCardType> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part).trimmed.lowercased()
            guard let type = DraftCardType(rawValue: name == "true-false" ? "truefalse" : name) else {
                return .failure(DraftTypeListError(name: String(part)))
            }
            types.insert(type)
        }
        return .success(types)
    }

    /// Orders types as `allCases` lists them.
    public static func < (left: DraftCardType, right: DraftCardType) -> Bool {
        allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
    }
}

/// An unknown name in a `--types` list.
public struct DraftTypeListError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name as given.
    public var name: String

    /// The message: the unknown name and the names allowed.
    public var description: String {
        let shown =
            name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
            ? name : "?"
        return "unknown card type \"\(shown)\" in --types (use: "
            + DraftCardType.allCases.map(\.rawValue).joined(separator: ", ") + ")"
    }
}
