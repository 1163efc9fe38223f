/// Splits a summary's lines into headings and blocks (paragraphs, bullet items, entries).
struct SummaryParser {
    /// The blocks, in file order.
    private(set) var blocks: [Block] = []
    /// The first heading, which usually titles the summary.
    private(set) var firstHeading: Heading?

    private var headings: [Heading] = []
    private var paragraph: [(text: String, line: Int, italics: [String])] = []
    private var pendingKind: Block.Kind = .paragraph

    /// Parses the lines (numbered from 1).
    init(lines: [String]) {
        var index = 0
        var inFence = false
        while index < lines.count {
            let raw = lines[index]
            let number = index + 1
            var line = raw.trimmed
            index += 1
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence { continue }
            while line.hasPrefix(">") { line = String(line.dropFirst()).trimmed }  // block quotes
            if line.isEmpty {
                flush()
                continue
            }
            if let (level, text) = SummaryParser.markdownHeading(line) {
                flush()
                push(Heading(text: InlineMarkup.strip(text).text, level: level, line: number))
                continue
            }
            if SummaryParser.isRule(line) {
                flush()
                continue
            }
            // An underlined heading: a line followed by === or ---.
            if paragraph.isEmpty, index < lines.count, SummaryParser.isUnderline(lines[index].trimmed) {
                push(
                    Heading(
                        text: InlineMarkup.strip(line).text, level: lines[index].contains("=") ? 1 : 2, line: number))
                index += 1
                continue
            }
            let stripped = InlineMarkup.strip(line)
            if let division = Heading.division(stripped.text), stripped.text.split(separator: " ").count <= 12,
                !SummaryParser.endsSentence(stripped.text)
            {
                flush()
                let level = ["part", "book", "volume"].contains(division.word) ? 1 : division.word == "scene" ? 3 : 2
                push(Heading(text: stripped.text, level: level, line: number))
                continue
            }
            if let item = SummaryParser.bulletItem(line) {
                flush()
                let itemText = InlineMarkup.strip(item)
                if let entry = Entry(line: itemText.text) {
                    pendingKind = .entry(entry)
                } else {
                    pendingKind = .bullet
                }
                paragraph.append((itemText.text, number, itemText.italics))
                // Continuation lines: indented, not blank, not another item.
                while index < lines.count, let first = lines[index].first, first == " " || first == "\t",
                    !lines[index].trimmed.isEmpty, SummaryParser.bulletItem(lines[index].trimmed) == nil,
                    pendingKind.isBullet
                {
                    let continuation = InlineMarkup.strip(lines[index].trimmed)
                    paragraph.append((continuation.text, index + 1, continuation.italics))
                    index += 1
                }
                flush()
                continue
            }
            if let entry = Entry(line: stripped.text), !SummaryParser.endsSentence(entry.name) {
                flush()
                pendingKind = .entry(entry)
                paragraph.append((stripped.text, number, stripped.italics))
                flush()
                continue
            }
            if paragraph.isEmpty, SummaryParser.isPlainHeading(stripped.text),
                SummaryParser.textFollows(lines, from: index)
            {
                var text = stripped.text
                if text.hasSuffix(":") { text.removeLast() }
                push(Heading(text: text, level: 2, line: number))
                continue
            }
            // A short line without a full stop, then a capitalised line: two separate
            // pieces ("Get Started" / "Join us"), not one sentence.
            if let previous = paragraph.last, previous.text.split(separator: " ").count <= 5,
                !SummaryParser.endsSentence(previous.text), stripped.text.first?.isUppercaseLetter == true
            {
                flush()
            }
            paragraph.append((stripped.text, number, stripped.italics))
        }
        flush()
    }

    private mutating func push(_ heading: Heading) {
        var heading = heading
        if firstHeading == nil {
            // The summary's title (a first heading before any text, naming no section or
            // division) gives its cards no tags.
            if blocks.isEmpty, Heading.division(heading.text) == nil,
                heading.kind == nil || heading.kind == .plot
            {
                heading.kind = nil
                heading.tags = []
                heading.theme = nil
            }
            firstHeading = heading
        }
        while let last = headings.last, last.level >= heading.level { headings.removeLast() }
        headings.append(heading)
    }

    private mutating func flush() {
        defer {
            paragraph.removeAll()
            pendingKind = .paragraph
        }
        guard !paragraph.isEmpty else { return }
        var text = ""
        var starts: [(offset: Int, line: Int)] = []
        var italics: [String] = []
        var count = 0
        for part in paragraph {
            if !text.isEmpty {
                text += " "
                count += 1
            }
            starts.append((count, part.line))
            text += part.text
            count += part.text.count
            italics += part.italics
        }
        var kind = pendingKind
        if case .entry(let entry) = kind {
            // The entry as parsed from the stripped text of its line(s).
            kind = .entry(entry)
        }
        blocks.append(Block(kind: kind, text: text, lineStarts: starts, headings: headings, italics: italics))
    }

    // MARK: Line shapes

    /// A Markdown heading `## Text`: its level and text.
    static func markdownHeading(_ line: String) -> (Int, String)? {
        var level = 0
        var rest = Substring(line)
        while rest.first == "#" {
            level += 1
            rest = rest.dropFirst()
        }
        guard (1...6).contains(level), rest.first == " " else { return nil }
        var text = String(rest).trimmed
        while text.hasSuffix("#") { text.removeLast() }
        text = text.trimmed
        return text.isEmpty ? nil : (level, text)
    }

    /// A horizontal rule: `---`, `***`, `___` (three or more, maybe spaced).
    static func isRule(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, "-*_=".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// A setext underline: `===` or `---` alone on a line.
    static func isUnderline(_ line: String) -> Bool {
        guard line.count >= 3, let first = line.first, first == "=" || first == "-" else { return false }
        return line.allSatisfy { $0 == first }
    }

    /// A bullet or numbered list item's text: `- text`, `* text`, `• text`, `1. text`.
    static func bulletItem(_ line: String) -> String? {
        guard let first = line.first else { return nil }
        if "-*+•·–".contains(first) {
            let rest = line.dropFirst()
            guard rest.first == " " else { return nil }
            return String(rest).trimmed
        }
        if first.isNumber {
            let digits = line.prefix(while: \.isNumber)
            let rest = line.dropFirst(digits.count)
            guard digits.count <= 3, let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " "
            else { return nil }
            return String(rest.dropFirst(2)).trimmed
        }
        return nil
    }

    /// Whether text ends like a sentence (or a clause): `.`, `!`, `?`, `;`, `,` maybe
    /// followed by closing quotes or brackets.
    static func endsSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, "\"'”’)]".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return ".!?;,…".contains(last)
    }

    /// A line that can be a plain-text heading: ALL CAPS, or short (at most 12 words, 90
    /// characters) and not ending like a sentence, starting with a capital or digit.
    static func isPlainHeading(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercaseLetter || first.isNumber else { return false }
        guard text.count <= 90, text.split(separator: " ").count <= 12, !endsSentence(text) else { return false }
        return true
    }

    /// Whether the next non-blank line from `index` is text a heading can stand over: a
    /// list item, an entry, or prose that starts with a capital and ends like a sentence or
    /// runs long.
    static func textFollows(_ lines: [String], from index: Int) -> Bool {
        var index = index
        while index < lines.count, lines[index].trimmed.isEmpty { index += 1 }
        guard index < lines.count else { return false }
        let line = lines[index].trimmed
        if bulletItem(line) != nil || markdownHeading(line) != nil { return bulletItem(line) != nil }
        let text = InlineMarkup.strip(line).text
        if Entry(line: text) != nil { return true }
        guard let first = text.first, first.isUppercaseLetter || first.isNumber || "\"“‘'(".contains(first) else {
            return false
        }
        return endsSentence(text) || text.split(separator: " ").count > 10
    }
}

extension Block.Kind {
    /// Whether this is a plain bullet item (whose indented lines continue it).
    var isBullet: Bool {
        if case .bullet = self { return true }
        return false
    }
}
