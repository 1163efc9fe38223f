import Foundation

/// The review log as CSV, in the layout `recall replay` reads.
///
/// `card_id,review_time,rating,deck_id,item_key,kind,duration_ms`: replay reads the first
/// three columns by name and ignores the others. `card_id` is `deck/key`, unique across
/// decks; `review_time` is ISO 8601 in UTC to the millisecond
/// (`2026-11-21T09:30:00.000+00:00`); `rating` is 1 (again) to 4 (easy).
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

    /// `time` as `YYYY-MM-DDTHH:MM:SS.mmm+00:00` (UTC).
    public static func timestamp(_ time: Date) -> String {
        let milliseconds = time.unixMilliseconds
        let (days, dayMilliseconds) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let seconds = dayMilliseconds / 1_000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(seconds / 3_600, 2)):"
            + "\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(dayMilliseconds % 1_000, 3))+00:00"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Zero-padded decimal.
    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Division rounding towards minus infinity, with a non-negative remainder.
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    private static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
