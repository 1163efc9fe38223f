import Foundation

/// The JSON Anki keeps in `cards.data`: the FSRS memory state and the last review.
struct CardData: Sendable, Hashable {
    /// FSRS stability, in days (`s`).
    var stability: Double?
    /// FSRS difficulty, 1 to 10 (`d`).
    var difficulty: Double?
    /// Desired retention the card was scheduled with (`dr`).
    var desiredRetention: Double?
    /// The last review, Unix seconds (`lrt`).
    var lastReview: Date?

    /// Parses `text`; anything missing or malformed is left `nil`.
    init(_ text: String) {
        guard !text.isEmpty, text != "{}" else { return }
        if let members = Self.numberMembers(text) {
            // The usual case, `{"s":…,"d":…,"dr":…,"lrt":…}`, without JSONSerialization: a
            // hundred thousand cards each carry one.
            for (key, value) in members {
                switch key {
                case "s": stability = value
                case "d": difficulty = value
                case "dr": desiredRetention = value
                case "lrt": lastReview = Date(timeIntervalSince1970: value)
                default: break
                }
            }
            return
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return }
        stability = (object["s"] as? NSNumber)?.doubleValue
        difficulty = (object["d"] as? NSNumber)?.doubleValue
        desiredRetention = (object["dr"] as? NSNumber)?.doubleValue
        lastReview = (object["lrt"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
    }

    /// The members of `text` when it is a JSON object whose values are all numbers and whose
    /// keys have no escapes, in order; `nil` for anything else (JSONSerialization reads that).
    static func numberMembers(_ text: String) -> [(key: String, value: Double)]? {
        var text = text
        return text.withUTF8 { bytes -> [(key: String, value: Double)]? in
            var members: [(key: String, value: Double)] = []
            var index = 0
            func skipSpace() {
                while index < bytes.count,
                    bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
                        || bytes[index] == 0x0D
                {
                    index += 1
                }
            }
            func take(_ byte: UInt8) -> Bool {
                skipSpace()
                guard index < bytes.count, bytes[index] == byte else { return false }
                index += 1
                return true
            }
            func digits() -> Int {
                let start = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index - start
            }
            guard take(UInt8(ascii: "{")) else { return nil }
            if take(UInt8(ascii: "}")) { return index == bytes.count ? members : nil }
            repeat {
                guard take(UInt8(ascii: "\"")) else { return nil }
                let keyStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
                    bytes[index] >= 0x20
                {
                    index += 1
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<index]), as: UTF8.self)
                index += 1
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
                let numberStart = index
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "0") {
                    index += 1
                } else if digits() == 0 {
                    return nil
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    guard digits() > 0 else { return nil }
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                        index += 1
                    }
                    guard digits() > 0 else { return nil }
                }
                let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[numberStart..<index]), as: UTF8.self)
                guard let value = Double(number), value.isFinite else { return nil }
                members.append((key, value))
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            return index == bytes.count ? members : nil
        }
    }

    /// The JSON for a memory state, as Anki writes it (`{"s":…,"d":…,"dr":…,"lrt":…}`).
    static func json(stability: Double, difficulty: Double, desiredRetention: Double, lastReview: Date?) -> String {
        var members = [
            "\"s\":\(rounded(stability, 4))", "\"d\":\(rounded(difficulty, 3))",
            "\"dr\":\(rounded(desiredRetention, 2))",
        ]
        if let lastReview { members.append("\"lrt\":\(Int64(lastReview.timeIntervalSince1970))") }
        return "{" + members.joined(separator: ",") + "}"
    }

    private static func rounded(_ value: Double, _ places: Int) -> String {
        let scale = pow(10, Double(places))
        return "\((value * scale).rounded() / scale)"
    }
}
