/// A review history read from CSV: who was reviewed, when, and how well, in file order.
///
/// The header names at least `card_id`, `review_time` and `rating` (`review_rating` is
/// accepted for `rating`); other columns are ignored. `review_time` is ISO 8601 with an offset
/// and optional fractional seconds (see ``Timestamp``); ratings are 1 to 4. Fields may be
/// quoted as in RFC 4180. Blank lines are skipped. Parsing is byte-level and keeps the file's
/// bytes, so the card id and time of each review can be echoed exactly as written.
public struct ReviewHistory: Sendable {
    /// One review: a row of the file.
    public struct Review: Sendable, Hashable {
        /// The card's index in ``ReviewHistory/cardCount`` order of first appearance.
        public var card: Int32
        /// The rating.
        public var rating: Rating
        /// The review time, in microseconds since 1970 (UTC).
        public var time: Int64
        /// Where the card id field is in the file's bytes (as written, quotes included).
        public var cardIDBytes: Range<Int32>
        /// Where the review time field is in the file's bytes.
        public var timeBytes: Range<Int32>
    }

    /// The file's bytes.
    public let source: [UInt8]
    /// The reviews, in file order.
    public let reviews: [Review]
    /// How many distinct cards the history has.
    public let cardCount: Int

    /// Parses a history; `file` is the name used in error messages.
    ///
    /// - Throws: ``ReviewHistoryError`` at the first malformed line: a missing column in the
    ///   header, a row with too few fields, an empty card id, a time that is not ISO 8601 with
    ///   an offset, or a rating that is not 1 to 4.
    public init(csv source: [UInt8], file: String) throws(ReviewHistoryError) {
        guard source.count < Int(Int32.max) else {
            throw ReviewHistoryError(file: file, line: 1, message: "the history is larger than 2 GiB")
        }
        self.source = source
        var reviews: [Review] = []
        var cards = CardIDTable()
        let result: Result<Void, ReviewHistoryError> = source.withUnsafeBufferPointer { bytes in
            var reader = CSVReader(bytes: bytes)
            // A UTF-8 byte order mark before the header is skipped.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { reader.position = 3 }
            var fields: [Range<Int>] = []
            guard let headerLine = reader.nextRecord(into: &fields) else {
                return .failure(ReviewHistoryError(file: file, line: 1, message: "the file is empty; expected a header naming card_id, review_time and rating"))
            }
            let names = fields.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[reader.unquoted($0)]), as: UTF8.self).trimmed.lowercased() }
            func column(_ candidates: String...) -> Int? {
                for name in candidates { if let index = names.firstIndex(of: name) { return index } }
                return nil
            }
            guard let cardColumn = column("card_id") else { return .failure(Self.missing("card_id", file: file, line: headerLine)) }
            guard let timeColumn = column("review_time") else { return .failure(Self.missing("review_time", file: file, line: headerLine)) }
            guard let ratingColumn = column("rating", "review_rating") else {
                return .failure(Self.missing("rating", file: file, line: headerLine))
            }
            let needed = max(cardColumn, timeColumn, ratingColumn) + 1
            reviews.reserveCapacity(bytes.count / 40)
            while let line = reader.nextRecord(into: &fields) {
                if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
                guard fields.count >= needed else {
                    return .failure(ReviewHistoryError(file: file, line: line, message: "expected at least \(needed) fields, found \(fields.count)"))
                }
                let cardField = fields[cardColumn]
                let cardID = reader.unquoted(cardField)
                guard !cardID.isEmpty else {
                    return .failure(ReviewHistoryError(file: file, line: line, message: "card_id is empty"))
                }
                let timeField = fields[timeColumn]
                guard let time = Timestamp.parse(UnsafeBufferPointer(rebasing: bytes[reader.unquoted(timeField)])) else {
                    return .failure(ReviewHistoryError(file: file, line: line, message: "review_time \(Self.quote(bytes, reader.unquoted(timeField))) is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"))
                }
                let ratingField = reader.unquoted(fields[ratingColumn])
                guard ratingField.count == 1, let rating = Rating(rawValue: Int(bytes[ratingField.lowerBound]) - 48) else {
                    return .failure(ReviewHistoryError(file: file, line: line, message: "rating \(Self.quote(bytes, ratingField)) is not 1 to 4"))
                }
                let card = cards.index(of: cardID, in: bytes)
                reviews.append(Review(
                    card: Int32(card), rating: rating, time: time,
                    cardIDBytes: Int32(cardField.lowerBound)..<Int32(cardField.upperBound),
                    timeBytes: Int32(timeField.lowerBound)..<Int32(timeField.upperBound)
                ))
            }
            return .success(())
        }
        try result.get()
        self.reviews = reviews
        cardCount = cards.count
    }

    private static func missing(_ name: String, file: String, line: Int) -> ReviewHistoryError {
        ReviewHistoryError(file: file, line: line, message: "the header has no \(name) column (it needs card_id, review_time and rating or review_rating)")
    }

    /// The field's text in double quotes, shortened and with control characters escaped.
    private static func quote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.prefix(60)]), as: UTF8.self)
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                quoted += "\\u{\(String(scalar.value, radix: 16))}"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + (range.count > 60 ? "…\"" : "\"")
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate var trimmed: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
