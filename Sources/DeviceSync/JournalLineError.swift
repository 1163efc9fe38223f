/// Why a complete journal line could not be read; reported as `FILE:LINE: MESSAGE` and skipped.
public enum JournalLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line is not a one-level JSON object.
    case malformed(String)
    /// A field is missing or has the wrong type.
    case missingField(String)
    /// A field has a value out of range.
    case invalidField(String, String)

    /// The message, without position.
    public var description: String {
        switch self {
        case .malformed(let detail): "not a journal event (\(detail))"
        case .missingField(let name): "missing or mistyped field \"\(name)\""
        case .invalidField(let name, let detail): "field \"\(name)\": \(detail)"
        }
    }
}
