/// A parsed cloze text: plain text and deletions such as `{{c1::answer}}` or
/// `{{c1::answer::hint}}`.
///
/// Each distinct deletion number is a card of its own. When asking deletion N, the other
/// deletions are shown as their answers and every deletion numbered N becomes a blank
/// (`[...]`, or `[hint]` when it has a hint). When the same number appears more than once
/// (two `{{c1::…}}`), all its blanks are asked at once: `answers(for:)` lists each blank's
/// answer in text order and each one is checked on its own; `answerText(for:)` joins them
/// with ", " for display.
///
/// The syntax is strict so that a typo never passes silently: every `{{` must start a
/// deletion `{{cN::` with N ≥ 1, every deletion must be closed by `}}`, answers must not
/// be empty, and deletions do not nest.
public struct ClozeText: Sendable, Hashable {
    /// A run of the text: plain text, or a deletion.
    public enum Segment: Sendable, Hashable {
        /// Text shown as written.
        case text(String)
        /// A deletion.
        case deletion(ClozeDeletion)
    }

    /// The text, split into plain runs and deletions, in order.
    public var segments: [Segment]

    /// Parses a cloze text; throws the first syntax problem found.
    public init(parsing text: String) throws(ClozeSyntaxError) {
        segments = try ClozeText.parse(text)
        if numbers.isEmpty { throw .noDeletion }
    }

    /// Creates a cloze text from segments already parsed.
    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Every deletion, in text order.
    public var deletions: [ClozeDeletion] {
        segments.compactMap { segment in
            if case .deletion(let deletion) = segment { return deletion }
            return nil
        }
    }

    /// The distinct deletion numbers, ascending: `{{c2::…}} {{c1::…}} {{c2::…}}` → [1, 2].
    public var numbers: [Int] {
        Array(Set(deletions.map(\.number))).sorted()
    }

    /// The question for deletion `number`: its blanks shown as `[...]` or `[hint]`, every
    /// other deletion shown as its answer.
    public func question(for number: Int) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .deletion(let deletion):
                result += deletion.number == number ? deletion.blank : deletion.answer
            }
        }
        return result
    }

    /// The answers for deletion `number`, one per blank, in text order.
    public func answers(for number: Int) -> [String] {
        deletions.filter { $0.number == number }.map(\.answer)
    }

    /// The answers for deletion `number` joined with ", " (for showing the answer).
    public func answerText(for number: Int) -> String {
        answers(for: number).joined(separator: ", ")
    }

    /// The text with every deletion shown as its answer.
    public var fullText: String {
        question(for: 0)
    }

    private static func parse(_ text: String) throws(ClozeSyntaxError) -> [Segment] {
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var plainStart = 0
        var index = 0
        func string(_ range: Range<Int>) -> String {
            String(decoding: bytes[range], as: UTF8.self)
        }
        func startsWith(_ pattern: StaticString, at position: Int) -> Bool {
            let count = pattern.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            return pattern.withUTF8Buffer { buffer in
                for offset in 0..<count where bytes[position + offset] != buffer[offset] { return false }
                return true
            }
        }
        while index < bytes.count {
            if startsWith("}}", at: index) {
                throw .unopened
            }
            guard startsWith("{{", at: index) else {
                index += 1
                continue
            }
            let start = index
            var cursor = index + 2
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "c") else {
                throw .malformed(excerpt(bytes, from: start))
            }
            cursor += 1
            var number = 0
            let digitsStart = cursor
            while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9") {
                number = min(number * 10 + Int(bytes[cursor] - UInt8(ascii: "0")), 1_000_000)
                cursor += 1
            }
            guard cursor > digitsStart, startsWith("::", at: cursor) else {
                throw .malformed(excerpt(bytes, from: start))
            }
            guard number >= 1 else { throw .numberZero(excerpt(bytes, from: start)) }
            cursor += 2
            // Find the closing "}}", noting the first "::" (answer::hint).
            let answerStart = cursor
            var separator: Int?
            var closing: Int?
            while cursor < bytes.count {
                if startsWith("{{", at: cursor) { throw .nested(excerpt(bytes, from: start)) }
                if startsWith("}}", at: cursor) {
                    closing = cursor
                    break
                }
                if separator == nil, startsWith("::", at: cursor) {
                    separator = cursor
                    cursor += 2
                    continue
                }
                cursor += 1
            }
            guard let close = closing else { throw .unterminated(excerpt(bytes, from: start)) }
            let answerEnd = separator ?? close
            let answer = string(answerStart..<answerEnd)
            var hint: String?
            if let separator {
                hint = string((separator + 2)..<close)
            }
            if answer.allSatisfy(\.isWhitespace) { throw .emptyAnswer(string(start..<(close + 2))) }
            if let hint, hint.allSatisfy(\.isWhitespace) { throw .emptyHint(string(start..<(close + 2))) }
            if plainStart < start { segments.append(.text(string(plainStart..<start))) }
            segments.append(.deletion(ClozeDeletion(number: number, answer: answer, hint: hint)))
            index = close + 2
            plainStart = index
        }
        if plainStart < bytes.count { segments.append(.text(string(plainStart..<bytes.count))) }
        return segments
    }

    /// Up to 20 bytes of the text from `start` (on a character boundary), for messages.
    private static func excerpt(_ bytes: [UInt8], from start: Int) -> String {
        var end = min(bytes.count, start + 20)
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self) + (end < bytes.count ? "..." : "")
    }
}
