/// A strict RFC 8259 JSON parser over bytes that records where every value starts.
///
/// It rejects what JSON rejects (trailing commas, comments, single quotes, unquoted field
/// names, raw control characters in strings, invalid UTF-8, leading zeros…) with a message
/// that says how to fix it. A missing comma is reported right after the value it should
/// follow. It works on raw bytes and builds a `String` only for string values, which keeps
/// it close to the speed of Python's C parser.
struct JSONParser: ~Copyable {
    /// The deepest nesting accepted (decks need 4 levels); deeper input is an error, not
    /// a stack overflow.
    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    // Which card the parser is in, so a syntax error can name it.
    private var inCardsMember = false
    private var cardIndex: Int?
    private var cardID: String?
    /// Errors the parser recovered from (a missing or trailing comma): the document is
    /// still rejected, but the rest of it is parsed and checked.
    private var recovered: [JSONSyntaxError] = []
    /// When set, receives each element of the top-level `cards` list as soon as it is
    /// parsed, instead of keeping it in the tree (the list is then returned empty).
    private let cardSink: ((JSONNode) -> Void)?

    private init(bytes: UnsafeBufferPointer<UInt8>, cardSink: ((JSONNode) -> Void)?) {
        self.bytes = bytes
        self.cardSink = cardSink
    }

    /// Parses a whole document: one value, optionally surrounded by whitespace (and a
    /// leading UTF-8 byte order mark).
    ///
    /// A missing comma between members or elements and a trailing comma are recovered
    /// from: they are returned in `recovered` beside the value (which is then not valid
    /// JSON, only the parser's best reading of it). Any other error ends the parse and is
    /// thrown, after the errors recovered before it are in `recovered`.
    static func parse(
        _ bytes: [UInt8], recovered: inout [JSONSyntaxError], cardSink: ((JSONNode) -> Void)? = nil
    ) throws(JSONSyntaxError) -> JSONNode {
        let (result, errors): (Result<JSONNode, JSONSyntaxError>, [JSONSyntaxError]) = bytes.withUnsafeBufferPointer {
            buffer in
            var parser = JSONParser(bytes: buffer, cardSink: cardSink)
            do throws(JSONSyntaxError) {
                let node = try parser.parseDocument()
                return (.success(node), parser.recovered)
            } catch {
                return (.failure(error), parser.recovered)
            }
        }
        recovered = errors
        return try result.get()
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        if index == bytes.count { throw error("the file is empty: expected a JSON object") }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describeByte(at: index)) after the end of the JSON value")
        }
        return node
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("unexpected end of file: expected a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return JSONNode(value: .object(try parseObject(depth: depth)), offset: start)
        case UInt8(ascii: "["):
            return JSONNode(value: .array(try parseArray(depth: depth)), offset: start)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), offset: start)
        case UInt8(ascii: "'"):
            throw error("strings must be in double quotes (\"), not single quotes")
        case UInt8(ascii: "/"):
            throw error("comments are not allowed in JSON")
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
            throw error("expected a value, found \(describeByte(at: index))")
        default:
            if isWordByte(bytes[index]) {
                let word = readWord()
                throw error(
                    "unexpected \(quoted(word)): strings must be in double quotes, and the only bare words are true, false and null",
                    at: start)
            }
            throw error("expected a value, found \(describeByte(at: index))")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> [JSONMember] {
        if depth >= JSONParser.maximumDepth { throw error("the JSON is nested too deeply") }
        index += 1  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return members
        }
        var lastComma: Int?
        while true {
            guard index < bytes.count else {
                throw error("unexpected end of file: expected a field name or '}'")
            }
            let keyOffset = index
            switch bytes[index] {
            case UInt8(ascii: "\""):
                break
            case UInt8(ascii: "}"):
                guard let lastComma else { throw error("expected a field name") }
                // Recover as if the comma were not there.
                recovered.append(error("trailing comma before '}' is not allowed in JSON (remove it)", at: lastComma))
                index += 1
                return members
            case UInt8(ascii: "/"):
                throw error("comments are not allowed in JSON")
            case UInt8(ascii: "'"):
                throw error("field names must be in double quotes (\"), not single quotes")
            default:
                if isWordByte(bytes[index]) {
                    let word = readWord()
                    throw error("field names must be in double quotes: write \"\(word)\"", at: keyOffset)
                }
                throw error("expected a field name in double quotes, found \(describeByte(at: index))")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                if index == bytes.count {
                    throw error("unexpected end of file: expected ':' after field name \(quoted(key))")
                }
                throw error("expected ':' after field name \(quoted(key))")
            }
            index += 1
            skipWhitespace()
            let isCards = depth == 0 && key == "cards"
            if isCards { inCardsMember = true }
            let value = try parseValue(depth: depth + 1)
            if isCards { inCardsMember = false }
            if depth == 2, cardIndex != nil, key == "id", case .string(let id) = value.value { cardID = id }
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            switch try separator(after: .objectMember) {
            case .comma(let offset): lastComma = offset
            case .missingComma: lastComma = nil
            case .end: return members
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        if depth >= JSONParser.maximumDepth { throw error("the JSON is nested too deeply") }
        index += 1  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        let isCards = depth == 1 && inCardsMember
        let sink = isCards ? cardSink : nil
        var count = 0
        var lastComma: Int?
        while true {
            guard index < bytes.count else { throw error("unexpected end of file: expected a value or ']'") }
            if bytes[index] == UInt8(ascii: "]"), let lastComma {
                recovered.append(error("trailing comma before ']' is not allowed in JSON (remove it)", at: lastComma))
                index += 1
                if isCards {
                    cardIndex = nil
                    cardID = nil
                }
                return elements
            }
            if isCards {
                cardIndex = count
                cardID = nil
            }
            let element = try parseValue(depth: depth + 1)
            count += 1
            if let sink { sink(element) } else { elements.append(element) }
            switch try separator(after: .listElement) {
            case .comma(let offset): lastComma = offset
            case .missingComma: lastComma = nil
            case .end:
                if isCards {
                    cardIndex = nil
                    cardID = nil
                }
                return elements
            }
        }
    }

    /// What follows a member or element.
    private enum Separator {
        /// A comma at this offset (consumed, with the whitespace after it).
        case comma(Int)
        /// Another member or element without a comma: reported, recovered as if it were there.
        case missingComma
        /// The closing '}' or ']' (consumed).
        case end
    }

    /// Which container a separator is read in.
    private enum Container {
        case objectMember, listElement

        var closer: UInt8 { self == .objectMember ? UInt8(ascii: "}") : UInt8(ascii: "]") }
        var otherCloser: UInt8 { self == .objectMember ? UInt8(ascii: "]") : UInt8(ascii: "}") }
        var name: String { self == .objectMember ? "object member" : "list element" }
        var expected: String { "expected ',' or '\(Character(Unicode.Scalar(closer)))' after \(name)" }

        /// Whether `byte` starts what a missing comma would be followed by.
        func startsNext(_ byte: UInt8) -> Bool {
            switch self {
            case .objectMember: byte == UInt8(ascii: "\"")
            case .listElement: byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
            }
        }
    }

    /// Reads what follows a member or element. Problems are reported right after the
    /// value, where the comma or closer belongs.
    private mutating func separator(after container: Container) throws(JSONSyntaxError) -> Separator {
        let valueEnd = index
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of file: \(container.expected)", at: valueEnd) }
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") {
            let comma = index
            index += 1
            skipWhitespace()
            return .comma(comma)
        }
        if byte == container.closer {
            index += 1
            return .end
        }
        if container.startsNext(byte) {
            // Recover as if the comma were there, so later problems are reported too.
            recovered.append(error("missing ',' between \(container.name)s (add a ',' here)", at: valueEnd))
            return .missingComma
        }
        if byte == UInt8(ascii: "/") { throw error("comments are not allowed in JSON") }
        let found = "\(container.expected), found \(describeByte(at: index))"
        if byte == container.otherCloser || (container == .objectMember && byte == UInt8(ascii: "{")) {
            throw error("\(found) (is a '\(Character(Unicode.Scalar(container.closer)))' missing here?)", at: valueEnd)
        }
        throw error(found, at: valueEnd)
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1  // opening quote
        var nonASCII = false
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                index += 1
                if !nonASCII { return String(decoding: content, as: UTF8.self) }
                guard let string = String(validating: content, as: UTF8.self) else {
                    throw error("the string is not valid UTF-8 (save the file as UTF-8)", at: start)
                }
                return string
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(start: start, contentStart: contentStart)
            }
            if byte < 0x20 { throw controlCharacterError(byte) }
            if byte >= 0x80 { nonASCII = true }
            index += 1
        }
        throw error("unterminated string (add the closing '\"')", at: start)
    }

    /// The slow path for strings with escapes: decodes into a byte buffer.
    private mutating func parseEscapedString(start: Int, contentStart: Int) throws(JSONSyntaxError) -> String {
        var buffer = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = String(validating: buffer, as: UTF8.self) else {
                    throw error("the string is not valid UTF-8 (save the file as UTF-8)", at: start)
                }
                return string
            case UInt8(ascii: "\\"):
                let escapeStart = index
                index += 1
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4(escapeStart: escapeStart)
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must be followed by \u and a low surrogate.
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("unpaired surrogate in \\u escape", at: escapeStart) }
                        index += 2
                        let low = try readHex4(escapeStart: escapeStart)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("unpaired surrogate in \\u escape", at: escapeStart)
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape", at: escapeStart)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else {
                        throw error("invalid \\u escape", at: escapeStart)
                    }
                    buffer.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    throw error(
                        "invalid escape \(quoted("\\" + String(decoding: [escaped], as: UTF8.self))) (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)",
                        at: escapeStart)
                }
            default:
                if byte < 0x20 { throw controlCharacterError(byte) }
                buffer.append(byte)
                index += 1
            }
        }
        throw error("unterminated string (add the closing '\"')", at: start)
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error("invalid \\u escape: expected 4 hex digits", at: escapeStart) }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape: expected 4 hex digits", at: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func controlCharacterError(_ byte: UInt8) -> JSONSyntaxError {
        switch byte {
        case 0x0A: error("line break inside a string: end the string first, or write it as \\n")
        case 0x09: error("tab inside a string: write it as \\t")
        default: error("control character \(TextRules.codePoint(Unicode.Scalar(byte))) inside a string")
        }
    }

    // MARK: Numbers and literals

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.index
            while parser.index < parser.bytes.count, parser.bytes[parser.index] >= UInt8(ascii: "0"),
                parser.bytes[parser.index] <= UInt8(ascii: "9")
            {
                parser.index += 1
            }
            return parser.index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits(&self)
        if integerDigits == 0 { throw error("invalid number: expected a digit", at: start) }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw error("invalid number: leading zeros are not allowed in JSON", at: start)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw error("invalid number: expected a digit after '.'", at: start) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            if digits(&self) == 0 { throw error("invalid number: expected a digit in the exponent", at: start) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number", at: start) }
        return value
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = index
        let matches = literal.withUTF8Buffer { expected in
            guard start + expected.count <= bytes.count else { return false }
            for offset in 0..<expected.count where bytes[start + offset] != expected[offset] { return false }
            let end = start + expected.count
            return end == bytes.count || !isWordByte(bytes[end])
        }
        if matches {
            index += literal.utf8CodeUnitCount
            return
        }
        let word = readWord()
        throw error(
            "unexpected \(quoted(word)): strings must be in double quotes, and the only bare words are true, false and null",
            at: start)
    }

    // MARK: Helpers

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            byte >= 0x80
        }
    }

    private mutating func readWord() -> String {
        let start = index
        while index < bytes.count, isWordByte(bytes[index]), index - start < 40 { index += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func describeByte(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F {
            return "'" + String(decoding: [byte], as: UTF8.self) + "'"
        }
        if byte >= 0x80 {
            var end = offset + 1
            while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if let text = String(validating: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self) {
                return quoted(text)
            }
        }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? index, message: message, cardIndex: cardIndex, cardID: cardID)
    }
}
