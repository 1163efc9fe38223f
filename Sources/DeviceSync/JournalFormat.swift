import Progress

/// The journal's line format: one JSON object per event, its fields always in the same order,
/// so the same event always gives the same bytes (a lost journal is rewritten identically).
///
///     {"device":"3f9c0a1b2c3d4e5f","seq":1,"type":"review","deck":"plot","item":"ruth#front","time":1764547200000,"kind":"study","rating":3,"duration":4200}
///     {"device":"3f9c0a1b2c3d4e5f","seq":2,"type":"undo","time":1764547260000,"undoes_device":"3f9c0a1b2c3d4e5f","undoes_seq":1}
///     {"device":"3f9c0a1b2c3d4e5f","seq":3,"type":"settings","time":1764547300000,"deck":"plot","settings":{...}}
///
/// Times are Unix milliseconds; `duration` is milliseconds or `null`; `settings` is the
/// deck's settings as `DeckSettings` encodes them, or `null` for a reset to the defaults.
/// Unknown fields are ignored, so later versions can add some.
public enum JournalFormat {
    /// The line of `event`, without its newline.
    public static func line(_ event: JournalEvent) -> String {
        var text = "{\"device\":"
        appendString(event.id.device, to: &text)
        text += ",\"seq\":\(event.id.sequence),\"type\":"
        switch event.body {
        case .review(let review):
            text += "\"review\",\"deck\":"
            appendString(review.deckID, to: &text)
            text += ",\"item\":"
            appendString(review.itemKey, to: &text)
            text +=
                ",\"time\":\(review.time),\"kind\":\"\(review.kind.rawValue)\",\"rating\":\(review.rating),\"duration\":"
            text += review.durationMilliseconds.map { "\($0)" } ?? "null"
        case .undo(let target, let time):
            text += "\"undo\",\"time\":\(time),\"undoes_device\":"
            appendString(target.device, to: &text)
            text += ",\"undoes_seq\":\(target.sequence)"
        case .settings(let deckID, let time, let settings):
            text += "\"settings\",\"time\":\(time),\"deck\":"
            appendString(deckID, to: &text)
            text += ",\"settings\":" + (settings ?? "null")
        }
        text += "}"
        return text
    }

    /// Reads one line (without its newline).
    public static func event(_ bytes: UnsafeBufferPointer<UInt8>) throws(JournalLineError) -> JournalEvent {
        let object = try FlatJSONObject(bytes)
        let id = JournalEventID(device: try device(object, "device"), sequence: try sequence(object, "seq"))
        guard case .string(let type)? = object["type"] else { throw .missingField("type") }
        switch type {
        case "review":
            guard case .string(let kindText)? = object["kind"] else { throw .missingField("kind") }
            guard let kind = ReviewKind(rawValue: kindText), kind != .manual else {
                throw .invalidField("kind", "expected \"study\" or \"practice\"")
            }
            let rating = try integer(object, "rating")
            guard (1...4).contains(rating) else { throw .invalidField("rating", "expected 1 to 4") }
            var duration: Int?
            switch object["duration"] {
            case nil, .null?: duration = nil
            case .integer(let value)?:
                guard value >= 0, value <= Int64(Int32.max) else { throw .invalidField("duration", "out of range") }
                duration = Int(value)
            default: throw .missingField("duration")
            }
            let review = JournalReview(
                deckID: try text(object, "deck"), itemKey: try text(object, "item"), time: try integer(object, "time"),
                rating: Int(rating), durationMilliseconds: duration, kind: kind)
            return JournalEvent(id: id, body: .review(review))
        case "undo":
            let target = JournalEventID(
                device: try device(object, "undoes_device"), sequence: try sequence(object, "undoes_seq"))
            return JournalEvent(id: id, body: .undo(of: target, time: try integer(object, "time")))
        case "settings":
            let settings: String?
            switch object["settings"] {
            case .null?: settings = nil
            case .object(let json)?: settings = json
            default: throw .missingField("settings")
            }
            return JournalEvent(
                id: id,
                body: .settings(deckID: try text(object, "deck"), time: try integer(object, "time"), settings: settings)
            )
        default:
            throw .invalidField("type", "unknown event type")
        }
    }

    // MARK: - Fields

    private static func text(_ object: FlatJSONObject, _ name: String) throws(JournalLineError) -> String {
        guard case .string(let value)? = object[name] else { throw .missingField(name) }
        guard !value.isEmpty else { throw .invalidField(name, "empty") }
        return value
    }

    private static func integer(_ object: FlatJSONObject, _ name: String) throws(JournalLineError) -> Int64 {
        guard case .integer(let value)? = object[name] else { throw .missingField(name) }
        return value
    }

    private static func device(_ object: FlatJSONObject, _ name: String) throws(JournalLineError) -> String {
        let value = try text(object, name)
        guard JournalEventID.isValidDevice(value) else { throw .invalidField(name, "not a device id") }
        return value
    }

    private static func sequence(_ object: FlatJSONObject, _ name: String) throws(JournalLineError) -> Int64 {
        let value = try integer(object, name)
        guard value >= 1, value < 1 << 40 else { throw .invalidField(name, "out of range") }
        return value
    }

    /// Appends `value` as a JSON string.
    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
