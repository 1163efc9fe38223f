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
        guard !text.isEmpty, text != "{}",
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        else { return }
        stability = (object["s"] as? NSNumber)?.doubleValue
        difficulty = (object["d"] as? NSNumber)?.doubleValue
        desiredRetention = (object["dr"] as? NSNumber)?.doubleValue
        lastReview = (object["lrt"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
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
