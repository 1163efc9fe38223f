/// Checks a parsed deck against format version 1 and builds the `Deck`, collecting every
/// problem rather than stopping at the first.
///
/// Cards are checked one at a time while the parser reads them (`acceptCard`), so the
/// JSON tree of a card is freed as soon as it has become a `Card`: a 100 000-card deck
/// never exists twice in memory. Card `source` references are resolved at the end, since
/// the deck's `sources` may come after its cards.
final class DeckValidator {
    /// The fields of one JSON object being validated, with where the object starts.
    private struct Fields {
        var members: [JSONMember]
        var offset: Int
        /// Names suggested for misspelt fields: not also reported as missing.
        var suggested: [String] = []

        func member(_ name: String) -> JSONMember? {
            members.first { $0.key == name }
        }
    }

    private let file: String
    private var locator: SourceLocator
    private(set) var problems: [DeckProblem] = []
    /// How many of `problems` are errors (the rest are warnings).
    private(set) var errorCount = 0
    private var cards: [Card] = []
    private var firstCardOffsets: [String: Int] = [:]
    /// Source references of cards, checked once the deck's sources are known.
    private var sourceReferences: [(source: String, offset: Int, cardID: String?, cardNumber: Int)] = []
    private var cardID: String?
    private var cardNumber: Int?
    /// The number of elements of `cards`, when it is a list.
    private(set) var cardCount = 0
    /// Where the deck's `id` value starts, when it has one.
    private(set) var idOffset: Int?

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.locator = SourceLocator(bytes: bytes)
    }

    /// The problems in file order (by line and column; stable for the same place).
    var sortedProblems: [DeckProblem] {
        problems.enumerated().sorted { a, b in
            let left = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let right = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }

    /// Reports a problem at a byte offset, in the current card if any.
    func report(_ message: String, at offset: Int, severity: DeckProblem.Severity = .error) {
        let (line, column) = locator.location(of: offset)
        problems.append(
            DeckProblem(
                file: file, line: line, column: column, cardID: cardID,
                cardNumber: cardID == nil ? cardNumber : nil, message: message, severity: severity))
        if severity == .error { errorCount += 1 }
    }

    /// Reports a JSON syntax error, naming the card it is in when known.
    func report(_ error: JSONSyntaxError) {
        cardID = error.cardID
        cardNumber = error.cardIndex.map { $0 + 1 }
        report(error.message, at: error.offset)
        cardID = nil
        cardNumber = nil
    }

    /// Validates a whole deck. Returns the deck only when no problem was found.
    func validate(_ root: JSONNode) -> Deck? {
        guard case .object(let members) = root.value else {
            report("a deck must be a JSON object ({ … }), not \(root.kindDescription)", at: root.offset)
            return nil
        }
        // A deck of another format version is not checked further: its fields may differ.
        if let format = members.first(where: { $0.key == "format" }) {
            guard case .number(let number) = format.value.value else {
                problems.removeAll()  // the cards checked while parsing used format 1's rules
                errorCount = 0
                report("\"format\" must be the number 1, not \(format.value.kindDescription)", at: format.value.offset)
                return nil
            }
            guard number == Double(DeckFormat.version) else {
                problems.removeAll()
                errorCount = 0
                report(
                    "unsupported deck format \(formatNumber(number)): this version of recall reads format 1",
                    at: format.value.offset)
                return nil
            }
        }
        var fields = checkFields(members, at: root.offset, allowed: DeckFormat.deckFields)
        for name in DeckFormat.requiredDeckFields { requireField(name, in: &fields) }
        if let schema = fields.member("$schema") {
            switch schema.value.value {
            case .string: break
            default:
                report("\"$schema\" must be a string, not \(schema.value.kindDescription)", at: schema.value.offset)
            }
        }
        let id = slug(fields, "id")
        idOffset = fields.member("id")?.value.offset
        let title = text(fields, "title")
        let description = text(fields, "description")
        let tags = stringList(fields, "tags") ?? []
        let sources = validateSources(fields)
        let cards = validateCards(fields, sources: sources)
        guard errorCount == 0, let id, let title, let description else { return nil }
        return Deck(
            id: id, title: title, description: description, tags: tags, sources: sources,
            cards: cards, file: file)
    }

    // MARK: Sources and cards

    private func validateSources(_ deck: Fields) -> [Source] {
        guard let member = deck.member("sources") else { return [] }
        guard case .array(let elements) = member.value.value else {
            report(
                "\"sources\" must be a list of sources, not \(member.value.kindDescription)", at: member.value.offset)
            return []
        }
        var sources: [Source] = []
        var firstOffsets: [String: Int] = [:]
        for element in elements {
            guard case .object(let members) = element.value else {
                report("a source must be an object, not \(element.kindDescription)", at: element.offset)
                continue
            }
            var fields = checkFields(members, at: element.offset, allowed: DeckFormat.sourceFields)
            for name in DeckFormat.requiredSourceFields { requireField(name, in: &fields) }
            let id = slug(fields, "id")
            let title = text(fields, "title")
            let author = text(fields, "author")
            let site = text(fields, "site")
            let date = text(fields, "date")
            let url = text(fields, "url")
            if let url, let urlMember = fields.member("url"), !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                report("\"url\" must start with https:// or http://", at: urlMember.value.offset)
            }
            guard let id, let idMember = fields.member("id") else { continue }
            if let first = firstOffsets[id] {
                report(
                    "duplicate source id \(quoted(id)) (first used on line \(locator.location(of: first).line))",
                    at: idMember.value.offset)
                continue
            }
            firstOffsets[id] = idMember.value.offset
            if let title {
                sources.append(Source(id: id, title: title, author: author, site: site, date: date, url: url))
            }
        }
        return sources
    }

    private func validateCards(_ deck: Fields, sources: [Source]) -> [Card] {
        if let member = deck.member("cards") {
            guard case .array(let elements) = member.value.value else {
                report(
                    "\"cards\" must be a list of cards, not \(member.value.kindDescription)", at: member.value.offset)
                return []
            }
            // Empty when the parser streamed the cards to `acceptCard` already.
            for element in elements { acceptCard(element) }
        }
        let sourceIDs = sources.map(\.id)
        let known = Set(sourceIDs)
        for reference in sourceReferences where !known.contains(reference.source) {
            cardID = reference.cardID
            cardNumber = reference.cardNumber
            var message = "unknown source \(quoted(reference.source))"
            if let suggestion = EditDistance.suggestion(for: reference.source, among: sourceIDs) {
                message += " (did you mean \(quoted(suggestion))?)"
            } else if sourceIDs.isEmpty {
                message += " (the deck's \"sources\" list is empty)"
            } else {
                let listed = sourceIDs.prefix(8).map(quoted).joined(separator: ", ")
                message += " (the deck's sources are " + listed + (sourceIDs.count > 8 ? ", …)" : ")")
            }
            report(message, at: reference.offset)
        }
        cardID = nil
        cardNumber = nil
        return cards
    }

    /// Checks one element of the deck's `cards` list and keeps the card if it is valid.
    func acceptCard(_ element: JSONNode) {
        cardCount += 1
        cardNumber = cardCount
        cardID = nil
        defer {
            cardID = nil
            cardNumber = nil
        }
        guard case .object(let members) = element.value else {
            report("a card must be an object, not \(element.kindDescription)", at: element.offset)
            return
        }
        if let idMember = members.first(where: { $0.key == "id" }), case .string(let id) = idMember.value.value {
            cardID = id
            if let first = firstCardOffsets[id] {
                report(
                    "duplicate card id \(quoted(id)) (first used on line \(locator.location(of: first).line))",
                    at: idMember.value.offset)
            } else {
                firstCardOffsets[id] = idMember.value.offset
            }
        }
        if let card = validateCard(members, at: element.offset) { cards.append(card) }
    }

    private func validateCard(_ members: [JSONMember], at offset: Int) -> Card? {
        // The type decides which fields are allowed, so read it first.
        var type: String?
        if let typeMember = members.first(where: { $0.key == "type" }) {
            if case .string(let name) = typeMember.value.value {
                if DeckFormat.fields(ofType: name) != nil {
                    type = name
                } else {
                    var message = "unknown card type \(quoted(name))"
                    if let suggestion = EditDistance.suggestion(for: name, among: DeckFormat.cardTypes) {
                        message += " (did you mean \(quoted(suggestion))?)"
                    } else {
                        message += " (the types are " + DeckFormat.cardTypes.joined(separator: ", ") + ")"
                    }
                    report(message, at: typeMember.value.offset)
                }
            } else {
                report(
                    "\"type\" must be a string (one of \(DeckFormat.cardTypes.joined(separator: ", "))), not \(typeMember.value.kindDescription)",
                    at: typeMember.value.offset)
            }
        }
        var fields = checkCardFields(members, at: offset, type: type)
        let errorsBefore = errorCount
        requireField("id", in: &fields)
        if !members.contains(where: { $0.key == "type" }) {
            report("missing field \"type\" (one of \(DeckFormat.cardTypes.joined(separator: ", ")))", at: offset)
        }
        let id = slug(fields, "id")
        let tags = stringList(fields, "tags") ?? []
        let hint = text(fields, "hint")
        let explanation = text(fields, "explanation")
        let location = text(fields, "location")
        let source = sourceReference(fields)
        guard let type else { return nil }
        for name in DeckFormat.requiredFields(ofType: type) ?? [] { requireField(name, in: &fields) }
        let content: CardContent?
        switch type {
        case "basic":
            let front = text(fields, "front")
            let back = text(fields, "back")
            let reverse = bool(fields, "reverse") ?? false
            content = front.flatMap { front in back.map { .basic(front: front, back: $0, reverse: reverse) } }
        case "typed":
            let prompt = text(fields, "prompt")
            var answers = stringList(fields, "answers")
            if let list = answers, list.isEmpty, let member = fields.member("answers") {
                report("\"answers\" must list at least one accepted answer", at: member.value.offset)
                answers = nil
            }
            content = prompt.flatMap { prompt in answers.map { .typed(prompt: prompt, answers: $0) } }
        case "choice":
            content = validateChoice(fields)
        case "truefalse":
            let statement = text(fields, "statement")
            let answer = bool(fields, "answer")
            content = statement.flatMap { statement in answer.map { .trueFalse(statement: statement, answer: $0) } }
        default:
            let text = text(fields, "text")
            if let text, let member = fields.member("text") {
                do throws(ClozeSyntaxError) {
                    let cloze = try ClozeText(parsing: text)
                    // A deletion is an answer: invisible characters in it are errors.
                    if let scalar = cloze.deletions.lazy.compactMap({ TextRules.firstInvisibleCharacter(in: $0.answer) }
                    ).first {
                        report(
                            "\"text\" has a deletion that contains the invisible character \(TextRules.codePoint(scalar)) (\(TextRules.invisibleCharacterName(scalar))): answers must look like what they are",
                            at: member.value.offset)
                    }
                } catch {
                    report(error.description, at: member.value.offset)
                }
            }
            content = text.map { .cloze(text: $0) }
        }
        guard errorCount == errorsBefore, let id, let content else { return nil }
        return Card(
            id: id, content: content, tags: tags, hint: hint, explanation: explanation,
            source: source, location: location)
    }

    private func validateChoice(_ fields: Fields) -> CardContent? {
        let prompt = text(fields, "prompt")
        var choices = stringList(fields, "choices")
        if let list = choices, let member = fields.member("choices"), case .array(let elements) = member.value.value {
            if !DeckFormat.choiceCount.contains(list.count) {
                report(
                    "\"choices\" must have \(DeckFormat.choiceCount.lowerBound) to \(DeckFormat.choiceCount.upperBound) entries, not \(list.count)",
                    at: member.value.offset)
                choices = nil
            }
            var looks: [String] = []
            for index in list.indices {
                let look = TextRules.appearance(of: list[index])
                looks.append(look)
                if let first = list[..<index].firstIndex(of: list[index]) {
                    report(
                        "duplicate choice \(quoted(list[index])) (the same as choice \(first + 1))",
                        at: elements[index].offset)
                    choices = nil
                } else if let first = looks[..<index].firstIndex(of: look) {
                    report(
                        "choice \(quoted(list[index])) looks the same as choice \(first + 1) (\(quoted(list[first]))) on screen",
                        at: elements[index].offset)
                    choices = nil
                }
            }
        }
        let answer = text(fields, "answer")
        if let answer, let list = stringList(fields, "choices", quiet: true), !list.contains(answer),
            let member = fields.member("answer")
        {
            var message = "answer \(quoted(answer)) is not among the choices"
            if let close = EditDistance.suggestion(for: answer, among: list) {
                message += " (did you mean \(quoted(close))?)"
            }
            report(message, at: member.value.offset)
            return nil
        }
        return prompt.flatMap { prompt in
            choices.flatMap { choices in answer.map { .choice(prompt: prompt, choices: choices, answer: $0) } }
        }
    }

    // MARK: Field names

    /// Reports duplicate and unknown fields of an object (with a suggestion for a likely
    /// typo) and returns its fields.
    private func checkFields(_ members: [JSONMember], at offset: Int, allowed: [String]) -> Fields {
        var fields = Fields(members: members, offset: offset)
        checkDuplicates(members)
        for member in members where !allowed.contains(member.key) {
            reportUnknown(member, allowed: allowed, fields: &fields)
        }
        return fields
    }

    /// Like `checkFields` for a card: a field of another card type gets its own message.
    private func checkCardFields(_ members: [JSONMember], at offset: Int, type: String?) -> Fields {
        var fields = Fields(members: members, offset: offset)
        checkDuplicates(members)
        let allowed = DeckFormat.allowedCardFields(ofType: type)
        for member in members where !allowed.contains(member.key) {
            if let type,
                DeckFormat.cardTypes.contains(where: { DeckFormat.fields(ofType: $0)?.contains(member.key) ?? false })
            {
                report("field \(quoted(member.key)) does not belong to a \(quoted(type)) card", at: member.keyOffset)
                continue
            }
            reportUnknown(member, allowed: allowed, fields: &fields)
        }
        return fields
    }

    private func reportUnknown(_ member: JSONMember, allowed: [String], fields: inout Fields) {
        var message = "unknown field \(quoted(member.key))"
        if let suggestion = EditDistance.suggestion(for: member.key, among: allowed),
            !fields.members.contains(where: { $0.key == suggestion })
        {
            message += " (did you mean \(quoted(suggestion))?)"
            fields.suggested.append(suggestion)
        }
        report(message, at: member.keyOffset)
    }

    private func checkDuplicates(_ members: [JSONMember]) {
        guard members.count > 1 else { return }
        for index in 1..<members.count {
            let key = members[index].key
            if let first = members[..<index].first(where: { $0.key == key }) {
                report(
                    "duplicate field \(quoted(key)) (first set on line \(locator.location(of: first.keyOffset).line))",
                    at: members[index].keyOffset)
            }
        }
    }

    private func requireField(_ name: String, in fields: inout Fields) {
        guard fields.member(name) == nil, !fields.suggested.contains(name) else { return }
        if name == "sources" {
            report("missing field \"sources\" (write \"sources\": [] for a deck without sources)", at: fields.offset)
        } else {
            report("missing field \(quoted(name))", at: fields.offset)
        }
    }

    // MARK: Values

    /// A text field: a non-empty string without control characters (nil when absent).
    private func text(_ fields: Fields, _ name: String) -> String? {
        guard let member = fields.member(name) else { return nil }
        guard case .string(let string) = member.value.value else {
            report("\(quoted(name)) must be a string, not \(member.value.kindDescription)", at: member.value.offset)
            return nil
        }
        return checkText(string, label: quoted(name), strict: Self.answerFields.contains(name), at: member.value.offset)
            ? string : nil
    }

    /// The fields whose text is compared with what a learner types or picks: invisible
    /// characters in them are errors, not warnings.
    private static let answerFields: Set<String> = ["answer", "answers", "choices"]

    /// Checks one string: not empty, no control characters. `label` names it in messages
    /// (only built when there is a problem: this runs for every string of every card).
    /// Invisible characters (bidi controls, zero-width characters) are errors in `strict`
    /// text (answers and choices, which must look like what they are) and warnings elsewhere.
    private func checkText(
        _ string: String, label: @autoclosure () -> String, strict: Bool = false, at offset: Int
    ) -> Bool {
        if let scalar = TextRules.firstForbiddenCharacter(in: string) {
            report(
                "\(label()) contains the control character \(TextRules.codePoint(scalar)): text may contain line breaks but no other control characters or escape sequences",
                at: offset)
            return false
        }
        if let scalar = TextRules.firstInvisibleCharacter(in: string) {
            let name = TextRules.invisibleCharacterName(scalar)
            if strict {
                report(
                    "\(label()) contains the invisible character \(TextRules.codePoint(scalar)) (\(name)): answers and choices must look like what they are",
                    at: offset)
                return false
            }
            report(
                "\(label()) contains the invisible character \(TextRules.codePoint(scalar)) (\(name)), which can make text read differently from what it is",
                at: offset, severity: .warning)
        }
        if string.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) {
            report("\(label()) must not be empty", at: offset)
            return false
        }
        return true
    }

    /// An id field: a slug.
    private func slug(_ fields: Fields, _ name: String) -> String? {
        guard let member = fields.member(name) else { return nil }
        guard case .string(let string) = member.value.value else {
            report("\(quoted(name)) must be a string, not \(member.value.kindDescription)", at: member.value.offset)
            return nil
        }
        guard TextRules.isSlug(string) else {
            let length =
                string.count > TextRules.maximumSlugLength
                ? " of at most \(TextRules.maximumSlugLength) characters" : ""
            report(
                "\(quoted(name)) must be a slug\(length): \(TextRules.slugRule) (not \(quoted(string)))",
                at: member.value.offset)
            return nil
        }
        return string
    }

    /// The card's `source`: a string, checked against the deck's sources at the end.
    private func sourceReference(_ fields: Fields) -> String? {
        guard let member = fields.member("source") else { return nil }
        guard case .string(let string) = member.value.value else {
            report("\"source\" must be a string, not \(member.value.kindDescription)", at: member.value.offset)
            return nil
        }
        sourceReferences.append((string, member.value.offset, cardID, cardNumber ?? 0))
        return string
    }

    private func bool(_ fields: Fields, _ name: String) -> Bool? {
        guard let member = fields.member(name) else { return nil }
        switch member.value.value {
        case .bool(let value):
            return value
        case .string(let string) where string == "true" || string == "false":
            report(
                "\(quoted(name)) must be true or false without quotes, not the string \(quoted(string))",
                at: member.value.offset)
        default:
            report(
                "\(quoted(name)) must be true or false, not \(member.value.kindDescription)", at: member.value.offset)
        }
        return nil
    }

    /// A list of text (`tags`, `answers`, `choices`); nil when absent or not a list.
    private func stringList(_ fields: Fields, _ name: String, quiet: Bool = false) -> [String]? {
        guard let member = fields.member(name) else { return nil }
        guard case .array(let elements) = member.value.value else {
            if !quiet {
                report(
                    "\(quoted(name)) must be a list of strings, not \(member.value.kindDescription)",
                    at: member.value.offset)
            }
            return nil
        }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        var valid = true
        for (index, element) in elements.enumerated() {
            guard case .string(let string) = element.value else {
                if !quiet {
                    report(
                        "\(quoted(name)) entry \(index + 1) must be a string, not \(element.kindDescription)",
                        at: element.offset)
                }
                valid = false
                continue
            }
            if quiet {
                strings.append(string)
            } else if checkText(
                string, label: "\(quoted(name)) entry \(index + 1)", strict: Self.answerFields.contains(name),
                at: element.offset)
            {
                strings.append(string)
            } else {
                valid = false
            }
        }
        return valid || quiet ? strings : nil
    }

    private func formatNumber(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
