import Foundation
import Scheduling

/// The review log as CSV, in the layout `recall replay` reads.
///
/// `card_id,review_time,rating,deck_id,item_key,kind,duration_ms`: replay reads the first
/// three columns by name and ignores the others. `card_id` is `deck/key`, unique across
/// decks; `review_time` is ISO 8601 in UTC to the millisecond
/// (`2026-11-21T09:30:00.000Z`); `rating` is 1 (again) to 4 (easy).
public enum ReviewLogCSV {
    /// The header line, without its newline.
    public static let header = "card_id,review_time,rating,deck_id,item_key,kind,duration_ms"

    /// One answer as a CSV line, without its newline; `nil` for a manual change (no rating to replay).
    public static func line(for review: LoggedReview) -> String? {
        guard let rating = review.rating else { return nil }
        return [
            field(review.item.description), timestamp(review.time), String(rating.rawValue),
            field(review.item.deckID), field(review.item.key), review.kind.rawValue,
            review.durationMilliseconds.map(String.init) ?? "",
        ].joined(separator: ",")
    }

    /// `time` as `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC, to the millisecond).
    public static func timestamp(_ time: Date) -> String {
        let milliseconds = time.unixMilliseconds
        let remainder = (milliseconds % 1_000 + 1_000) % 1_000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        Timestamp.appendUTC(seconds: (milliseconds - remainder) / 1_000, to: &bytes)
        bytes.removeLast()  // the "Z", which goes after the milliseconds
        bytes.append(UInt8(ascii: "."))
        for digit in [remainder / 100, remainder / 10 % 10, remainder % 10] {
            bytes.append(UInt8(ascii: "0") + UInt8(digit))
        }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
