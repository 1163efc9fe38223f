/// A JSON value with the byte offset where it starts in its file, so that every problem
/// can be reported with its line and column.
struct JSONNode: Sendable {
    /// A JSON value; containers hold nodes, so every nested value keeps its position.
    enum Value: Sendable {
        case object([JSONMember])
        case array([JSONNode])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// The value.
    var value: Value
    /// The byte offset of the value's first byte in the file.
    var offset: Int

    /// What the value is, in words for messages: "a string", "a list", "true or false"…
    var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}

/// One member of a JSON object: its key, the key's position and its value.
struct JSONMember: Sendable {
    /// The field name.
    var key: String
    /// The byte offset of the key's opening quote.
    var keyOffset: Int
    /// The value.
    var value: JSONNode
}
