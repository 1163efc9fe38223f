import Foundation

/// Reads Anki's plain-text notes export (`.txt`/`.csv`) into a collection of notes.
///
/// Understands the headers Anki writes: `#separator:` (`tab`, `comma`, `semicolon`,
/// `space`, `pipe`, `colon` or one character), `#html:`, `#tags:` (added to every note),
/// `#columns:`, `#notetype:` / `#deck:` and their `#notetype column:` / `#deck column:`
/// forms, `#tags column:` and `#guid column:`. Fields are CSV: quoted with `"`, a quote
/// doubled inside, and may span lines. Without a note type column or header the notes are
/// Basic; without a deck, the deck is named after the file.
enum AnkiTextFile {
    /// The stock note types by their English names, as text exports name them.
    static let stockNotetypes: [String: (fields: [String], kind: AnkiNotetype.StockKind)] = [
        "Basic": (["Front", "Back"], .basic),
        "Basic (and reversed card)": (["Front", "Back"], .basicAndReversed),
        "Basic (optional reversed card)": (["Front", "Back", "Add Reverse"], .basicOptionalReversed),
        "Basic (type in the answer)": (["Front", "Back"], .basicTyping),
        "Cloze": (["Text", "Back Extra"], .cloze),
    ]

    /// Parses the text file at `path`.
    ///
    /// - Throws: `AnkiError.textFile` with the line of the problem.
    static func read(path: String) throws -> AnkiCollection {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnkiError.cannotRead(path: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let line = data.prefix { $0 < 0x80 }.filter { $0 == 0x0A }.count + 1
            throw AnkiError.textFile(path: path, line: line, message: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses the text of an export; `path` names it in errors and gives the default deck name.
    static func parse(_ text: String, path: String) throws -> AnkiCollection {
        var separator: Unicode.Scalar = "\t"
        var html = false
        var extraTags: [String] = []
        var columns: [String]?
        var notetypeName: String?
        var deckName: String?
        var notetypeColumn: Int?
        var deckColumn: Int?
        var tagsColumn: Int?
        var guidColumn: Int?
        var separatorGiven = false

        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        var line = 1
        func fail(_ message: String, at line: Int) -> AnkiError { .textFile(path: path, line: line, message: message) }

        // Headers.
        while index < scalars.count, scalars[index] == "#" {
            var end = index
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            var header = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            if header.hasSuffix("\r") { header.removeLast() }
            index = min(end + 1, scalars.count)
            defer { line += 1 }
            guard let colon = header.firstIndex(of: ":") else { continue }  // a comment
            let key = header[..<colon].lowercased()
            let value = String(header[header.index(after: colon)...])
            func number() throws -> Int {
                guard let number = Int(value.trimmingCharacters(in: .whitespaces)), number >= 1 else {
                    throw fail("#\(key): \"\(value)\" is not a column number (1 or more)", at: line)
                }
                return number - 1
            }
            switch key {
            case "separator":
                let names: [String: Unicode.Scalar] = [
                    "tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":",
                ]
                if let named = names[value.lowercased()] {
                    separator = named
                } else if value.unicodeScalars.count == 1, let scalar = value.unicodeScalars.first {
                    separator = scalar
                } else {
                    throw fail(
                        "#separator: unknown separator \"\(value)\" (tab, comma, semicolon, space, pipe, colon or one character)",
                        at: line)
                }
                separatorGiven = true
            case "html":
                switch value.lowercased() {
                case "true": html = true
                case "false": html = false
                default: throw fail("#html: \"\(value)\" is not true or false", at: line)
                }
            case "tags": extraTags = value.split(separator: " ").map(String.init)
            case "columns":
                columns = value.unicodeScalars.split(separator: separator).map { String(String.UnicodeScalarView($0)) }
            case "notetype": notetypeName = value
            case "deck": deckName = value
            case "notetype column": notetypeColumn = try number()
            case "deck column": deckColumn = try number()
            case "tags column": tagsColumn = try number()
            case "guid column": guidColumn = try number()
            default: break  // headers of later Anki versions: ignored, as Anki ignores unknown ones
            }
        }
        if !separatorGiven, columns == nil {
            // Anki guesses: a tab if the first line has one, else a comma... keep it simple and safe.
            let firstLine = scalars[index...].prefix { $0 != "\n" }
            if !firstLine.contains("\t") && firstLine.contains(";") {
                separator = ";"
            } else if !firstLine.contains("\t") && firstLine.contains(",") {
                separator = ","
            }
        }

        var collection = AnkiCollection(
            created: 0, notetypes: [:], decks: [:], options: [:], notes: [], cards: [], revlog: [])
        collection.hasSchedule = false
        var notetypeIDs: [String: Int64] = [:]
        var deckIDs: [String: Int64] = [:]
        let defaultDeck = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let special = Set([notetypeColumn, deckColumn, tagsColumn, guidColumn].compactMap { $0 })

        func notetype(_ name: String, fieldCount: Int) -> Int64 {
            if let id = notetypeIDs[name] { return id }
            let id = Int64(notetypeIDs.count + 1)
            notetypeIDs[name] = id
            if let exported = ExportNotetype.allCases.first(where: { $0.name == name }) {
                collection.notetypes[id] = AnkiNotetype(
                    id: id, name: name, isCloze: exported == .cloze, stockKind: nil, fields: exported.fields,
                    templates: exported.templates.map { .init(name: $0.name, front: $0.front, back: $0.back) })
            } else if let stock = stockNotetypes[name] {
                let templates: [AnkiNotetype.Template]
                let f = stock.fields
                switch stock.kind {
                case .basicAndReversed:
                    templates = [
                        .init(name: "Card 1", front: "{{\(f[0])}}", back: "{{\(f[1])}}"),
                        .init(name: "Card 2", front: "{{\(f[1])}}", back: "{{\(f[0])}}"),
                    ]
                case .basicOptionalReversed:
                    templates = [
                        .init(name: "Card 1", front: "{{\(f[0])}}", back: "{{\(f[1])}}"),
                        .init(name: "Card 2", front: "{{#\(f[2])}}{{\(f[1])}}{{/\(f[2])}}", back: "{{\(f[0])}}"),
                    ]
                case .basicTyping: templates = [.init(name: "Card 1", front: "{{\(f[0])}}", back: "{{type:\(f[1])}}")]
                default: templates = [.init(name: "Card 1", front: "{{\(f[0])}}", back: "{{\(f[1])}}")]
                }
                collection.notetypes[id] = AnkiNotetype(
                    id: id, name: name, isCloze: stock.kind == .cloze, stockKind: stock.kind, fields: f,
                    templates: templates)
            } else {
                let fields = (0..<max(fieldCount, 1)).map {
                    columns?.indices.contains($0) == true ? columns![$0] : "Field \($0 + 1)"
                }
                collection.notetypes[id] = AnkiNotetype(
                    id: id, name: name, isCloze: false, stockKind: nil, fields: fields,
                    templates: [.init(name: "Card 1", front: "{{\(fields[0])}}", back: "")])
            }
            return id
        }
        func deck(_ name: String) -> Int64 {
            if let id = deckIDs[name] { return id }
            let id = Int64(deckIDs.count + 1)
            deckIDs[name] = id
            collection.decks[id] = AnkiDeckRecord(
                id: id, name: name, optionsID: nil, desiredRetention: nil, description: "")
            return id
        }

        // Records.
        while index < scalars.count {
            let recordLine = line
            var fields: [String] = []
            var field = ""
            var quoted = false
            var atFieldStart = true
            var ended = false
            while index < scalars.count && !ended {
                let scalar = scalars[index]
                index += 1
                if quoted {
                    if scalar == "\"" {
                        if index < scalars.count, scalars[index] == "\"" {
                            field.unicodeScalars.append("\"")
                            index += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        if scalar == "\n" { line += 1 }
                        field.unicodeScalars.append(scalar)
                    }
                    continue
                }
                switch scalar {
                case "\"" where atFieldStart:
                    quoted = true
                    atFieldStart = false
                case separator:
                    fields.append(field)
                    field = ""
                    atFieldStart = true
                case "\n":
                    line += 1
                    ended = true
                case "\r" where index < scalars.count && scalars[index] == "\n":
                    break
                default:
                    field.unicodeScalars.append(scalar)
                    atFieldStart = false
                }
            }
            if quoted { throw fail("a quoted field is not closed (a \" is missing)", at: recordLine) }
            fields.append(field)
            if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line

            func column(_ number: Int?, _ what: String) throws -> String? {
                guard let number else { return nil }
                guard number < fields.count else {
                    throw fail(
                        "the \(what) column (\(number + 1)) is missing: the line has \(fields.count) fields",
                        at: recordLine)
                }
                return fields[number]
            }
            let typeName = try column(notetypeColumn, "note type") ?? notetypeName ?? "Basic"
            let deckNameHere = try column(deckColumn, "deck") ?? deckName ?? defaultDeck
            let tags = (try column(tagsColumn, "tags") ?? "").split(separator: " ").map(String.init) + extraTags
            let guid = try column(guidColumn, "guid")
            var values = fields.enumerated().filter { !special.contains($0.offset) }.map(\.element)
            if !html {
                values = values.map {
                    $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: "<br>")
                }
            }
            guard !typeName.isEmpty else { throw fail("the note type is empty", at: recordLine) }
            guard !deckNameHere.isEmpty else { throw fail("the deck name is empty", at: recordLine) }
            let typeID = notetype(typeName, fieldCount: values.count)
            let noteID = Int64(collection.notes.count + 1)
            collection.notes.append(
                AnkiNote(
                    id: noteID, guid: guid.flatMap { $0.isEmpty ? nil : $0 } ?? "\(defaultDeck):\(recordLine)",
                    notetypeID: typeID, tags: tags, fields: values))
            collection.noteDecks[noteID] = deck(deckNameHere)
        }
        return collection
    }
}
