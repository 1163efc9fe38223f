import Foundation

/// How recall reads an Anki note type.
enum NoteKind: Sendable, Hashable {
    /// Basic: Front → Back.
    case basic
    /// Basic (and reversed card): both ways.
    case reversed
    /// Basic (optional reversed card): reversed when its third field ("Add Reverse") is filled.
    case optionalReversed
    /// Basic (type in the answer).
    case typed
    /// Cloze.
    case cloze
    /// A note type recall wrote itself (`recall Basic`, …): fields by name, nothing lost.
    case recall
    /// Any other note type: its first template's front fields as front, the rest as back.
    case custom

    /// The names of the note types recall exports (see `AnkiExporter`).
    static let recallPrefix = "recall "

    /// Recognises a note type: by the stock kind Anki recorded, else by its fields and templates.
    init(_ notetype: AnkiNotetype) {
        if notetype.name.hasPrefix(Self.recallPrefix),
            notetype.fields.contains("Front") || notetype.fields.contains("Text")
        {
            self = .recall
            return
        }
        if notetype.isCloze {
            self = .cloze
            return
        }
        switch notetype.stockKind {
        case .basicAndReversed where notetype.templates.count == 2 && notetype.fields.count >= 2: self = .reversed
        case .basicOptionalReversed where notetype.templates.count == 2 && notetype.fields.count >= 3:
            self = .optionalReversed
        case .basicTyping where notetype.templates.count == 1 && notetype.fields.count >= 2: self = .typed
        default: self = Self.structural(notetype)
        }
    }

    /// Recognises the stock note types by what their templates ask, whatever their names
    /// (Anki names them in the user's language).
    private static func structural(_ notetype: AnkiNotetype) -> NoteKind {
        let fields = notetype.fields
        let templates = notetype.templates
        guard fields.count >= 2, let first = templates.first else { return .custom }
        let firstFront = fieldReferences(first.front).filter { !first.front.contains("{{type:\($0)}}") }
        guard firstFront == [fields[0]] else { return .custom }
        let firstBack = fieldReferences(first.back)
        if templates.count == 1 && fields.count == 2 {
            if first.back.contains("{{type:\(fields[1])}}") { return .typed }
            if firstBack.contains(fields[1]) { return .basic }
        }
        if templates.count == 2 && firstBack.contains(fields[1]) {
            let second = templates[1]
            let secondFront = fieldReferences(second.front)
            if fields.count == 2 && secondFront == [fields[1]] { return .reversed }
            if fields.count == 3 && Set(secondFront) == [fields[1], fields[2]]
                && second.front.contains("{{#\(fields[2])}}")
            {
                return .optionalReversed
            }
        }
        return .custom
    }

    /// The fields a template shows (`{{Name}}`, `{{text:Name}}`, …; not `{{#…}}` sections or `FrontSide`), in order.
    static func fieldReferences(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if name.hasPrefix("#") || name.hasPrefix("^") { name.removeFirst() }
            if name.hasPrefix("/") || name == "FrontSide" || name.isEmpty { continue }
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
