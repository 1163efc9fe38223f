import Scheduling

/// A review history read from CSV: who was reviewed, when, and how well, in file order.
///
/// The header names at least `card_id`, `review_time` and `rating` (`review_rating` is
/// accepted for `rating`); other columns are ignored. `review_time` is ISO 8601 with an offset
/// and optional fractional seconds (see ``Timestamp``); ratings are 1 to 4. Fields may be
/// quoted as in RFC 4180. Blank lines are skipped. Parsing is byte-level and keeps the file's
/// bytes, so the card id and time of each review can be echoed exactly as written.
public struct ReviewHistory: Sendable {
    /// One review: a row of the file (16 bytes, so a million reviews take 16 MB).
    public struct Review: Sendable, Hashable {
        /// The review time, in microseconds since 1970 (UTC).
        public var time: Int64
        /// The card's number: cards are numbered 0, 1, 2… in order of first appearance.
        public var card: Int32
        /// The rating.
        public var rating: Rating
    }

    /// The file's bytes.
    public let source: [UInt8]
    /// The reviews, in file order.
    public let reviews: [Review]
    /// How many distinct cards the history has.
    public let cardCount: Int
    /// Whether every card's reviews appear in time order in the file (as in exports), so the
    /// history can be replayed in one pass in file order.
    public let isChronologicalPerCard: Bool
    /// Where the rows start, and which columns hold the fields, for reading the rows again.
    let layout: Layout

    /// Where the rows are and which columns matter.
    struct Layout: Sendable {
        var firstRow: Int
        var firstLine: Int
        var cardColumn: Int
        var timeColumn: Int
        var ratingColumn: Int
        var fieldsNeeded: Int { max(cardColumn, timeColumn, ratingColumn) + 1 }
    }

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
        let layout = try source.withUnsafeBufferPointer { Self.parseHeader($0, file: file) }.get()
        var summary: Result<RowSummary, ReviewHistoryError> = .success(RowSummary())
        reviews = source.withUnsafeBufferPointer { bytes in
            [Review](unsafeUninitializedCapacity: Self.rowCapacity(bytes)) { buffer, count in
                summary = Self.parseRows(bytes, layout: layout, file: file, into: buffer) { count = $0 }
            }
        }
        let rows = try summary.get()
        cardCount = rows.cardCount
        isChronologicalPerCard = rows.isChronological
        self.layout = layout
    }

    /// A history from parts parsed elsewhere (the concurrent replay).
    init(source: [UInt8], reviews: [Review], summary: RowSummary, layout: Layout) {
        self.source = source
        self.reviews = reviews
        cardCount = summary.cardCount
        isChronologicalPerCard = summary.isChronological
        self.layout = layout
    }

    /// The data rows of a file, skipping blank lines: the same rows, in the same order, as the
    /// reviews (used to echo each review's fields as written).
    struct RowScanner {
        private var reader: CSVReader
        private let layout: Layout
        /// The current row's card id, time and rating fields (raw ranges, quotes included).
        private(set) var card = 0..<0, time = 0..<0, rating = 0..<0
        /// How many fields the current row has.
        private(set) var fieldCount = 0
        /// The current row's line.
        private(set) var line = 0

        init(bytes: UnsafeBufferPointer<UInt8>, layout: Layout) {
            reader = CSVReader(bytes: bytes)
            reader.position = layout.firstRow
            reader.line = layout.firstLine
            self.layout = layout
        }

        /// Moves to the next row; `false` at the end.
        mutating func next() -> Bool {
            while true {
                var count = 0
                var firstIsEmpty = false
                var card = 0..<0
                var time = 0..<0
                var rating = 0..<0
                let (cardColumn, timeColumn, ratingColumn) = (layout.cardColumn, layout.timeColumn, layout.ratingColumn)
                guard
                    let line = reader.nextRecord({ field in
                        if count == 0 { firstIsEmpty = field.isEmpty }
                        if count == cardColumn { card = field }
                        if count == timeColumn { time = field }
                        if count == ratingColumn { rating = field }
                        count += 1
                    })
                else { return false }
                if count == 1 && firstIsEmpty { continue }  // a blank line
                (self.card, self.time, self.rating, fieldCount, self.line) = (card, time, rating, count, line)
                return true
            }
        }
    }

    /// Where a review's card id and time fields are in the file, as written (for echoing them).
    struct EchoFields {
        var cardStart: UInt32
        var timeStart: UInt32
        var cardLength: UInt16
        var timeLength: UInt16
    }

    /// What the row parser learnt besides the reviews.
    struct RowSummary: Sendable {
        var cardCount = 0
        var isChronological = true
    }

    /// An upper bound on the number of valid rows: each takes at least 22 bytes with its line
    /// end ("x,2024-01-01T00:00Z,3" and a line feed). (Pages of the buffer that are never
    /// written are never made resident, so the generous bound costs no memory.)
    static func rowCapacity(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count / 22 + 2
    }

    /// The longest header line read, in bytes: a real header is a few dozen bytes, and a file
    /// without line ends must not be read whole (nor its first field turned into a string)
    /// before it is refused.
    static let maximumHeaderLength = 65_536

    /// Reads the header: which columns hold the card id, the time and the rating.
    static func parseHeader(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Result<Layout, ReviewHistoryError> {
        // A UTF-8 byte order mark before the header is skipped.
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let limit = min(bytes.count, start + maximumHeaderLength)
        var reader = CSVReader(bytes: UnsafeBufferPointer(rebasing: bytes[..<limit]))
        reader.position = start
        var header: [Range<Int>] = []
        guard let headerLine = reader.nextRecord(into: &header) else {
            return .failure(
                ReviewHistoryError(
                    file: file, line: 1,
                    message: "the file is empty; expected a header naming card_id, review_time and rating"))
        }
        // The record ran to the limit without a line end, and the file goes on.
        if reader.position > limit && limit < bytes.count {
            return .failure(
                ReviewHistoryError(
                    file: file, line: 1,
                    message:
                        "the header line is longer than 64 KiB (is this a CSV file? it needs a header naming card_id, review_time and rating)"
                ))
        }
        let names = header.map {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[reader.unquoted($0)]), as: UTF8.self).trimmed
                .lowercased()
        }
        func column(_ candidates: String...) -> Int? {
            for name in candidates { if let index = names.firstIndex(of: name) { return index } }
            return nil
        }
        guard let cardColumn = column("card_id") else {
            return .failure(missing("card_id", file: file, line: headerLine))
        }
        guard let timeColumn = column("review_time") else {
            return .failure(missing("review_time", file: file, line: headerLine))
        }
        guard let ratingColumn = column("rating", "review_rating") else {
            return .failure(missing("rating", file: file, line: headerLine))
        }
        return .success(
            Layout(
                firstRow: reader.position, firstLine: reader.line, cardColumn: cardColumn,
                timeColumn: timeColumn, ratingColumn: ratingColumn))
    }

    /// Parses every row into `reviews` (which has room for ``rowCapacity(_:)`` of them),
    /// calling `published` with the number of reviews written so far every few thousand rows
    /// and at the end; stops at the first malformed row.
    static func parseRows(
        _ bytes: UnsafeBufferPointer<UInt8>, layout: Layout, file: String,
        into reviews: UnsafeMutableBufferPointer<Review>, echo: UnsafeMutableBufferPointer<EchoFields>? = nil,
        published: (Int) -> Void
    ) -> Result<RowSummary, ReviewHistoryError> {
        let needed = layout.fieldsNeeded
        var cards = CardIDTable()
        var summary = RowSummary()
        var rows = RowScanner(bytes: bytes, layout: layout)
        var count = 0
        defer { published(count) }
        // Rows are checked in batches of 16, then their card ids looked up together: the ids'
        // slots are scattered over the table, and reading the 16 of them at once overlaps
        // their cache misses.
        var batch: [(key: CardIDTable.Slot, range: Range<Int>, rating: Rating)] = []
        batch.reserveCapacity(16)
        var touched: UInt8 = 0
        defer { MemoryTouch.keep(touched) }
        var more = true
        while more {
            more = rows.next()
            if more {
                let line = rows.line
                guard rows.fieldCount >= needed else {
                    return .failure(
                        ReviewHistoryError(
                            file: file, line: line,
                            message: "expected at least \(needed) fields, found \(rows.fieldCount)"))
                }
                let cardID = CSVReader.unquoted(rows.card, in: bytes)
                guard !cardID.isEmpty else {
                    return .failure(ReviewHistoryError(file: file, line: line, message: "card_id is empty"))
                }
                let timeField = CSVReader.unquoted(rows.time, in: bytes)
                guard let time = Timestamp.parse(UnsafeBufferPointer(rebasing: bytes[timeField])) else {
                    return .failure(
                        ReviewHistoryError(
                            file: file, line: line,
                            message:
                                "review_time \(quote(bytes, timeField)) is not an ISO 8601 date and time with an offset (like 2024-01-03T09:30:00+01:00)"
                        ))
                }
                let ratingField = CSVReader.unquoted(rows.rating, in: bytes)
                guard ratingField.count == 1, let rating = Rating(rawValue: Int(bytes[ratingField.lowerBound]) - 48)
                else {
                    return .failure(
                        ReviewHistoryError(
                            file: file, line: line, message: "rating \(quote(bytes, ratingField)) is not 1 to 4"))
                }
                guard count + batch.count < reviews.count else {  // Unreachable: see rowCapacity.
                    return .failure(
                        ReviewHistoryError(file: file, line: line, message: "more rows than the file can hold"))
                }
                if let echo {
                    let cardField = rows.card
                    let timeField = rows.time
                    guard cardField.count <= Int(UInt16.max), timeField.count <= Int(UInt16.max) else {
                        return .failure(
                            ReviewHistoryError(
                                file: file, line: line, message: "card_id or review_time is longer than 65 535 bytes"))
                    }
                    echo.initializeElement(
                        at: count + batch.count,
                        to: EchoFields(
                            cardStart: UInt32(cardField.lowerBound), timeStart: UInt32(timeField.lowerBound),
                            cardLength: UInt16(cardField.count), timeLength: UInt16(timeField.count)
                        ))
                }
                batch.append((CardIDTable.key(of: cardID, in: bytes, time: time), cardID, rating))
                if batch.count < 16 { continue }
            }
            // The 16 reads back to back, so that they are all under way at once.
            for entry in batch { touched &+= cards.touch(entry.key) }
            for (key, range, rating) in batch {
                let (card, isEarlier) = cards.index(of: key, range: range, in: bytes)
                if isEarlier { summary.isChronological = false }
                reviews.initializeElement(at: count, to: Review(time: key.latest, card: Int32(card), rating: rating))
                count += 1
                if count & 0x3FFF == 0 { published(count) }
            }
            batch.removeAll(keepingCapacity: true)
        }
        summary.cardCount = cards.count
        return .success(summary)
    }

    private static func missing(_ name: String, file: String, line: Int) -> ReviewHistoryError {
        ReviewHistoryError(
            file: file, line: line,
            message: "the header has no \(name) column (it needs card_id, review_time and rating or review_rating)")
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
