import Terminal

/// A JSON value, for output whose absent figures must be written as `null`. Strings are
/// sanitised as they are encoded (deck ids and prompts come from decks and the store).
enum StatsJSONValue: Encodable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([StatsJSONValue])
    case object([String: StatsJSONValue])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(Sanitizer.clean(value))
        case .array(let values): try container.encode(values)
        case .object(let members): try container.encode(members)
        }
    }
}
