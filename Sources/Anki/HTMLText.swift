import Decks

/// Turns the HTML of Anki fields into the plain text of recall decks.
///
/// `<br>`, `<div>` and `<p>` become line breaks and every other tag is dropped (with the
/// contents of `<script>` and `<style>`); entities are decoded (named ones such as `&amp;`
/// and `&nbsp;`, and numeric ones); `<img src>` and `[sound:…]` become markers such as
/// `(image: pic.png)` and the file names are collected; white space is collapsed as a
/// browser would; control characters are removed, following the deck rules. No raw HTML
/// reaches a deck: a `<` that starts a tag is always consumed.
public enum HTMLText {
    /// The plain text of `html`, and the media files it refers to (in order, without repeats).
    public static func plain(_ html: String) -> (text: String, media: [String]) {
        var converter = Converter()
        converter.run(Array(html.unicodeScalars))
        return (converter.finish(), converter.media)
    }

    /// Named entities recall decodes (the ones Anki's editor writes, and a few common ones).
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "copy": "©", "reg": "®", "deg": "°", "middot": "·", "times": "×", "divide": "÷", "euro": "€",
        "shy": "", "zwj": "", "zwnj": "",
    ]

    private struct Converter {
        var lines: [String] = []
        var line = ""
        var pendingSpace = false
        var media: [String] = []

        mutating func run(_ scalars: [Unicode.Scalar]) {
            var index = 0
            var skipUntil: String?  // inside <script> or <style>
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "<", let end = tagEnd(scalars, from: index) {
                    let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                    index = end + 1
                    let name = tagName(tag)
                    if let skipping = skipUntil {
                        if name == "/" + skipping { skipUntil = nil }
                        continue
                    }
                    switch name {
                    case "br", "br/": breakLine()
                    case "div", "p", "/div", "/p", "li", "tr", "/tr", "/li", "h1", "h2", "h3", "/h1", "/h2", "/h3",
                        "hr":
                        if !line.isEmpty { breakLine() }
                    case "script", "style": skipUntil = name
                    case "img":
                        if let source = attribute("src", in: tag), !source.isEmpty {
                            addMedia(source)
                            word("(image: \(clean(source)))")
                        }
                    default: break
                    }
                    continue
                }
                if skipUntil != nil {
                    index += 1
                    continue
                }
                if scalar == "[", let (name, end) = sound(scalars, from: index) {
                    addMedia(name)
                    word("(sound: \(clean(name)))")
                    index = end
                    continue
                }
                if scalar == "&", let (text, end) = entity(scalars, from: index) {
                    if text == " " && scalars[index + 1] == "n" {
                        character(" ", nonBreaking: true)
                    } else {
                        for decoded in text.unicodeScalars { character(decoded, nonBreaking: false) }
                    }
                    index = end
                    continue
                }
                character(scalar, nonBreaking: false)
                index += 1
            }
        }

        mutating func character(_ scalar: Unicode.Scalar, nonBreaking: Bool) {
            if !nonBreaking && (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r") {
                pendingSpace = true
                return
            }
            if TextRules.isForbidden(scalar) || scalar == "\u{FEFF}" { return }
            if pendingSpace && !line.isEmpty { line.append(" ") }
            pendingSpace = false
            line.unicodeScalars.append(nonBreaking ? " " : scalar)
        }

        mutating func word(_ text: String) {
            for scalar in text.unicodeScalars { character(scalar, nonBreaking: scalar == " ") }
        }

        mutating func breakLine() {
            lines.append(trimmed(line))
            line = ""
            pendingSpace = false
        }

        mutating func addMedia(_ name: String) {
            let decoded = HTMLText.plainEntities(name)
            if !media.contains(decoded) { media.append(decoded) }
        }

        mutating func finish() -> String {
            if !line.isEmpty { lines.append(trimmed(line)) }
            // At most one empty line in a row; none at the ends.
            var result: [String] = []
            for text in lines {
                if text.isEmpty && (result.isEmpty || result.last?.isEmpty == true) { continue }
                result.append(text)
            }
            while result.last?.isEmpty == true { result.removeLast() }
            return result.joined(separator: "\n")
        }

        func trimmed(_ text: String) -> String {
            var scalars = Substring(text).unicodeScalars[...]
            while scalars.first == " " { scalars.removeFirst() }
            while scalars.last == " " { scalars.removeLast() }
            return String(String.UnicodeScalarView(scalars))
        }

        func clean(_ text: String) -> String {
            String(
                String.UnicodeScalarView(
                    HTMLText.plainEntities(text).unicodeScalars.filter { !TextRules.isForbidden($0) }))
        }

        /// The index of the `>` that ends the tag starting at `start`, or `nil` when `<` does not start a tag.
        func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
            guard start + 1 < scalars.count else { return nil }
            let next = scalars[start + 1]
            guard next.properties.isAlphabetic || next == "/" || next == "!" || next == "?" else { return nil }
            var quote: Unicode.Scalar?
            var index = start + 1
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    return index
                }
                index += 1
            }
            return nil
        }

        func tagName(_ tag: String) -> String {
            var name = ""
            for scalar in tag.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { break }
                if scalar == "/" && !name.isEmpty {
                    name.append("/")
                    break
                }
                name.unicodeScalars.append(scalar)
            }
            return name.lowercased()
        }

        /// The value of `name="…"` (or '…', or unquoted) in a tag.
        func attribute(_ name: String, in tag: String) -> String? {
            let scalars = Array(tag.unicodeScalars)
            let lowered = Array(tag.lowercased().unicodeScalars)
            let key = Array(name.unicodeScalars)
            var index = 0
            while index + key.count < scalars.count {
                let before = index == 0 ? " " : lowered[index - 1]
                if (before == " " || before == "\t" || before == "\n")
                    && Array(lowered[index..<(index + key.count)]) == key
                {
                    var cursor = index + key.count
                    while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
                    guard cursor < scalars.count, scalars[cursor] == "=" else {
                        index += 1
                        continue
                    }
                    cursor += 1
                    while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
                    guard cursor < scalars.count else { return nil }
                    var value = ""
                    if scalars[cursor] == "\"" || scalars[cursor] == "'" {
                        let quote = scalars[cursor]
                        cursor += 1
                        while cursor < scalars.count, scalars[cursor] != quote {
                            value.unicodeScalars.append(scalars[cursor])
                            cursor += 1
                        }
                    } else {
                        while cursor < scalars.count, scalars[cursor] != " " {
                            value.unicodeScalars.append(scalars[cursor])
                            cursor += 1
                        }
                        if value.hasSuffix("/") { value.removeLast() }
                    }
                    return value
                }
                index += 1
            }
            return nil
        }

        /// `[sound:NAME]` at `start`: the name and the index after `]`.
        func sound(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
            let prefix = Array("[sound:".unicodeScalars)
            guard start + prefix.count < scalars.count, Array(scalars[start..<(start + prefix.count)]) == prefix else {
                return nil
            }
            var index = start + prefix.count
            var name = ""
            while index < scalars.count, scalars[index] != "]" {
                if scalars[index] == "[" || scalars[index] == "\n" { return nil }
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard index < scalars.count, !name.isEmpty else { return nil }
            return (name, index + 1)
        }

        /// The entity at `start` (`&name;`, `&#N;`, `&#xH;`): its text and the index after `;`.
        func entity(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
            HTMLText.entity(scalars, from: start)
        }
    }

    /// The entity at `start` (`&name;`, `&#N;`, `&#xH;`): its text and the index after `;`.
    static func entity(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var index = start + 1
        var body = ""
        while index < scalars.count, scalars[index] != ";", body.unicodeScalars.count < 12 {
            let scalar = scalars[index]
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            body.unicodeScalars.append(scalar)
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar), index + 1)
        }
        guard let text = entities[body] ?? entities[body.lowercased()] else { return nil }
        return (text, index + 1)
    }

    /// `text` with its entities decoded (nothing else changed): for file names in `src`.
    static func plainEntities(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, end) = entity(scalars, from: index) {
                result += decoded
                index = end
            } else {
                result.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return result
    }
}
