import Foundation

/// The one JSON style of recall's `--json` output: pretty-printed, keys sorted, slashes
/// as they are. Text from decks must be sanitised before it is encoded.
enum JSONText {
    /// `value` as JSON text.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return compactingEmpty(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `text` with empty arrays and objects written `[]` and `{}` (Foundation on Linux writes
    /// an empty line inside them). JSON strings hold no raw line breaks, so only structure
    /// is touched.
    static func compactingEmpty(_ text: String) -> String {
        guard text.contains("\n\n") else { return text }
        var result = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if let open = line.last, open == "[" || open == "{", lines.first?.isEmpty == true,
                let close = lines.dropFirst().first?.drop(while: { $0 == " " }),
                close.first == (open == "[" ? "]" : "}")
            {
                result += line + close + "\n"
                lines = lines.dropFirst(2)
            } else {
                result += line + "\n"
            }
        }
        return String(result.dropLast())
    }
}
