import Foundation

/// The note types recall exports: Anki's stock Basic, Basic (and reversed card), Basic
/// (type in the answer) and Cloze, each with recall's extra fields (Hint, Explanation,
/// Source) so that nothing of a card is lost. Their ids are fixed, so exporting again
/// updates the same note types in Anki; recall recognises them on import by name.
enum ExportNotetype: Int, CaseIterable, Sendable {
    case basic
    case reversed
    case typed
    case cloze

    /// The note type's id (fixed across exports).
    var id: Int64 { 1_700_000_000_100 + Int64(rawValue) }

    /// Its name.
    var name: String {
        switch self {
        case .basic: "recall Basic"
        case .reversed: "recall Basic (and reversed card)"
        case .typed: "recall Basic (type in the answer)"
        case .cloze: "recall Cloze"
        }
    }

    /// Its fields, in order.
    var fields: [String] {
        switch self {
        case .basic, .reversed: ["Front", "Back", "Hint", "Explanation", "Source"]
        case .typed: ["Front", "Back", "Other answers", "Hint", "Explanation", "Source"]
        case .cloze: ["Text", "Explanation", "Hint", "Source"]
        }
    }

    /// What every back shows after the answer: the explanation and the source.
    private static let extras =
        "{{#Explanation}}<br><br>{{Explanation}}{{/Explanation}}{{#Source}}<br><br><small>{{Source}}</small>{{/Source}}"
    private static let hint = "{{#Hint}}<br>{{hint:Hint}}{{/Hint}}"

    /// Its card templates: (name, front, back).
    var templates: [(name: String, front: String, back: String)] {
        switch self {
        case .basic:
            [("Card 1", "{{Front}}" + Self.hint, "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" + Self.extras)]
        case .reversed:
            [
                ("Card 1", "{{Front}}" + Self.hint, "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" + Self.extras),
                ("Card 2", "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}" + Self.extras),
            ]
        case .typed:
            [
                (
                    "Card 1", "{{Front}}" + Self.hint + "\n\n{{type:Back}}",
                    "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}{{#Other answers}}<br>Also accepted: {{Other answers}}{{/Other answers}}"
                        + Self.extras
                )
            ]
        case .cloze:
            [("Cloze", "{{cloze:Text}}" + Self.hint, "{{cloze:Text}}" + Self.extras)]
        }
    }

    /// The schema-11 JSON object of the note type (as `col.models` keeps it).
    func json(deckID: Int64, modified: Int64) -> [String: Any] {
        let fields: [[String: Any]] = self.fields.enumerated().map { index, name in
            [
                "name": name, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20,
                "media": [] as [Any],
            ]
        }
        let templates: [[String: Any]] = self.templates.enumerated().map { index, template in
            [
                "name": template.name, "ord": index, "qfmt": template.front, "afmt": template.back, "bqfmt": "",
                "bafmt": "",
                "did": NSNull(), "bfont": "", "bsize": 0,
            ]
        }
        let requirements: [[Any]] = self.templates.indices.map { index in
            [index, "any", self == .reversed && index == 1 ? [1] : [0]]
        }
        return [
            "id": id, "name": name, "type": self == .cloze ? 1 : 0, "mod": modified, "usn": -1, "sortf": 0,
            "did": deckID,
            "tmpls": templates, "flds": fields,
            "css":
                ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n",
            "latexPre":
                "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false, "req": requirements, "tags": [] as [Any],
            "vers": [] as [Any],
        ]
    }
}
