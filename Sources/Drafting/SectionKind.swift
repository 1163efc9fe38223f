/// What a section of a summary is about, recognised by its heading's words.
enum SectionKind: String, Sendable {
    /// The story: plot summaries, chapters, parts, acts. Unrecognised sections count as plot.
    case plot
    /// The people: "Characters", "Cast", "Dramatis personae".
    case characters
    /// The ideas: "Themes", "Motifs", "Symbols".
    case themes
    /// Places, objects and words: "Glossary", "Key terms", "Places".
    case terms

    /// The kind a heading's words name, if any.
    static func named(by words: [String]) -> SectionKind? {
        for word in words {
            switch word {
            case "plot", "summary", "synopsis", "story", "storyline", "events", "chapter", "chapters", "part", "act",
                "scene", "book":
                return .plot
            case "character", "characters", "cast", "people", "persons", "personae", "protagonists", "figures":
                return .characters
            case "theme", "themes", "motif", "motifs", "symbol", "symbols", "symbolism", "ideas":
                return .themes
            case "glossary", "terms", "vocabulary", "places", "concepts", "locations", "setting", "settings":
                return .terms
            default: continue
            }
        }
        return nil
    }
}
