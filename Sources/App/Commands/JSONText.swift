import Foundation

/// The one JSON style of recall's `--json` output: pretty-printed, keys sorted, slashes
/// as they are. Text from decks must be sanitised before it is encoded.
enum JSONText {
    /// `value` as JSON text.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
