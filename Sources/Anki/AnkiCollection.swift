import Foundation
import GRDB
import GRDBSQLite
import Progress
import Scheduling

/// Everything recall takes from an Anki collection: note types, decks and their options,
/// notes, cards and the review log. Reads schema 11 (note types, decks and options as JSON
/// in the `col` row) and schema 18 (their own tables, configs as protobuf).
struct AnkiCollection: Sendable {
    /// The collection's creation, Unix seconds: review due days count from it.
    var created: Int64
    /// Note types by id.
    var notetypes: [Int64: AnkiNotetype]
    /// Decks by id.
    var decks: [Int64: AnkiDeckRecord]
    /// Deck options by id.
    var options: [Int64: AnkiDeckOptions]
    /// Notes, in id order.
    var notes: [AnkiNote]
    /// Cards, in note then template order.
    var cards: [AnkiCard]
    /// The review log, by card then time.
    var revlog: [AnkiRevlogEntry]
    /// The deck of each note, for a text export (which has notes but no cards).
    var noteDecks: [Int64: Int64] = [:]
    /// Whether the cards carry a schedule and history (a package) or not (a text export).
    var hasSchedule = true

    /// Reads the collection file at `url` (read-only). `path` names the package in errors.
    /// `progress` hears how many of the notes, cards and review-log rows are read, every few
    /// thousand.
    static func read(
        _ url: URL, path: String, progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }
    ) throws -> AnkiCollection {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            // Schema 18 declares names COLLATE unicase (Anki's own collation).
            db.add(collation: DatabaseCollation("unicase") { $0.caseInsensitiveCompare($1) })
        }
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            return try queue.read { db in try read(db, path: path, progress: progress) }
        } catch let error as AnkiError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw AnkiError.notSQLite(path: path, entry: "the collection")
        } catch let error as DatabaseError {
            throw AnkiError.damaged(
                path: path, detail: "its collection cannot be read (\(error.message ?? "\(error.resultCode)"))")
        }
    }

    private static func read(
        _ db: Database, path: String, progress: (_ done: Int64, _ total: Int64) -> Void
    ) throws -> AnkiCollection {
        let colSQL =
            "SELECT \(Self.int("crt")), \(Self.int("ver")), \(["models", "decks", "dconf"].map(Self.text).joined(separator: ", ")) FROM col"
        guard let col = try Row.fetchOne(db, sql: colSQL) else {
            throw AnkiError.damaged(path: path, detail: "its collection has no col row")
        }
        let version: Int = col[1]
        var collection = AnkiCollection(
            created: col[0], notetypes: [:], decks: [:], options: [:], notes: [], cards: [], revlog: [])
        if version >= 15 {
            try collection.readTables(db, path: path)
        } else {
            try collection.readJSON(models: col[2], decks: col[3], options: col[4], path: path)
        }
        // The rows to read, for the progress reports (SQLite counts a table without reading its rows).
        let counts = ["notes", "cards", "revlog"].map { "(SELECT COUNT(*) FROM \($0))" }
        let total = try Int64.fetchOne(db, sql: "SELECT " + counts.joined(separator: " + ")) ?? 0
        var done: Int64 = 0
        progress(0, total)
        let notes = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(Self.int("id")), \(Self.text("guid")), \(Self.int("mid")), \(Self.text("tags")), \(Self.text("flds"))
                FROM notes ORDER BY id
                """)
        while let row = try notes.next() {
            let tags: String = row[3]
            let fields: String = row[4]
            collection.notes.append(
                AnkiNote(
                    id: row[0], guid: row[1], notetypeID: row[2],
                    tags: tags.split(separator: " ").map(String.init),
                    fields: fields.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)))
            done += 1
            if done & 0xFFF == 0 { progress(done, total) }
        }
        let cards = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(["id", "nid", "did", "ord", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left",
                    "odue", "odid"].map(Self.int).joined(separator: ", ")), \(Self.text("data"))
                FROM cards ORDER BY nid, ord
                """)
        while let row = try cards.next() {
            collection.cards.append(
                AnkiCard(
                    id: row[0], noteID: row[1], deckID: row[2], ord: row[3], type: row[4], queue: row[5], due: row[6],
                    interval: row[7], factor: row[8], reps: row[9], lapses: row[10], left: row[11],
                    originalDue: row[12],
                    originalDeckID: row[13], data: row[14]))
            done += 1
            if done & 0xFFF == 0 { progress(done, total) }
        }
        progress(done, total)
        let read = done
        collection.revlog = try readRevlog(db) { rows in progress(min(read + rows, total), total) }
        progress(total, total)
        return collection
    }

    /// The review log, grouped by card, in time order within each card.
    ///
    /// A million rows are read straight through SQLite's C API in table order (the rows are
    /// stored by id, which is their time), then grouped by card with a counting sort: no
    /// index lookup per row, no `Row` per row. A value of the wrong type reads as SQLite
    /// converts it (NULL as 0), as everywhere else in the collection.
    /// `progress` hears how many rows are read every 65 536.
    private static func readRevlog(_ db: Database, progress: (Int64) -> Void) throws -> [AnkiRevlogEntry] {
        let statement = try db.makeStatement(sql: "SELECT id, cid, ease, ivl, time, type FROM revlog ORDER BY id")
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var rows: [AnkiRevlogEntry] = []
        var cardNumbers: [Int64: Int32] = [:]
        var numbers: [Int32] = []
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW {
            let row = AnkiRevlogEntry(
                id: sqlite3_column_int64(handle, 0), cardID: sqlite3_column_int64(handle, 1),
                ease: Int(sqlite3_column_int64(handle, 2)), interval: Int(sqlite3_column_int64(handle, 3)),
                milliseconds: Int(sqlite3_column_int64(handle, 4)), type: Int(sqlite3_column_int64(handle, 5)))
            let count = Int32(cardNumbers.count)
            let number = cardNumbers[row.cardID, default: count]
            if number == count { cardNumbers[row.cardID] = number }
            numbers.append(number)
            rows.append(row)
            if rows.count & 0xFFFF == 0 { progress(Int64(rows.count)) }
            code = sqlite3_step(handle)
        }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        let grouping = CardGrouping(numbers, cardCount: cardNumbers.count) { $0 }
        return grouping.order.map { rows[Int($0)] }
    }

    // A hostile collection may hold any value in any column: each column is read as the
    // type recall wants, converted by SQLite (a NULL becomes 0, "" or empty data), so that
    // decoding a row never fails.

    /// `column` as an integer, never NULL.
    private static func int(_ column: String) -> String { "COALESCE(CAST(\(column) AS INTEGER), 0)" }
    /// `column` as text, never NULL.
    private static func text(_ column: String) -> String { "COALESCE(CAST(\(column) AS TEXT), '')" }
    /// `column` as bytes, never NULL.
    private static func blob(_ column: String) -> String { "COALESCE(CAST(\(column) AS BLOB), x'')" }

    // MARK: - Schema 18

    private mutating func readTables(_ db: Database, path: String) throws {
        do {
            var fields: [Int64: [String]] = [:]
            let fieldSQL = "SELECT \(Self.int("ntid")), \(Self.text("name")) FROM fields ORDER BY ntid, ord"
            for row in try Row.fetchAll(db, sql: fieldSQL) {
                fields[row[0], default: []].append(row[1])
            }
            var templates: [Int64: [AnkiNotetype.Template]] = [:]
            let templateSQL =
                "SELECT \(Self.int("ntid")), \(Self.text("name")), \(Self.blob("config")) "
                + " FROM templates ORDER BY ntid, ord"
            for row in try Row.fetchAll(db, sql: templateSQL) {
                var front = ""
                var back = ""
                for field in try ProtobufReader.fields(of: row[2]) {
                    if field.number == 1 { front = field.value.string ?? "" }
                    if field.number == 2 { back = field.value.string ?? "" }
                }
                templates[row[0], default: []].append(.init(name: row[1], front: front, back: back))
            }
            let notetypeSQL = "SELECT \(Self.int("id")), \(Self.text("name")), \(Self.blob("config")) FROM notetypes"
            for row in try Row.fetchAll(db, sql: notetypeSQL) {
                let id: Int64 = row[0]
                var isCloze = false
                var stock: AnkiNotetype.StockKind?
                for field in try ProtobufReader.fields(of: row[2]) {
                    if field.number == 1 { isCloze = field.value.integer == 1 }
                    if field.number == 9, let kind = field.value.integer { stock = .init(rawValue: Int(kind)) }
                }
                notetypes[id] = AnkiNotetype(
                    id: id, name: row[1], isCloze: isCloze, stockKind: stock, fields: fields[id] ?? [],
                    templates: templates[id] ?? [])
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT \(Self.int("id")), \(Self.text("name")), \(Self.blob("kind")) FROM decks")
            {
                let name: String = row[1]
                var deck = AnkiDeckRecord(
                    id: row[0], name: name.replacingOccurrences(of: "\u{1F}", with: "::"), optionsID: nil,
                    desiredRetention: nil, description: "")
                for field in try ProtobufReader.fields(of: row[2]) where field.number == 1 {
                    guard let normal = field.value.data else { continue }
                    deck.optionsID = 1
                    for inner in try ProtobufReader.fields(of: normal) {
                        switch inner.number {
                        case 1: deck.optionsID = inner.value.integer
                        case 4: deck.description = inner.value.string ?? ""
                        case 10: deck.desiredRetention = inner.value.float
                        default: break
                        }
                    }
                }
                decks[deck.id] = deck
            }
            for row in try Row.fetchAll(db, sql: "SELECT \(Self.int("id")), \(Self.blob("config")) FROM deck_config") {
                var options = AnkiDeckOptions(id: row[0])
                var params4: [Double] = []
                var params5: [Double] = []
                var params6: [Double] = []
                var learning: [Double] = []
                var relearning: [Double] = []
                for field in try ProtobufReader.fields(of: row[1]) {
                    switch field.number {
                    case 1: learning += ProtobufReader.floats(field.value)
                    case 2: relearning += ProtobufReader.floats(field.value)
                    case 3: params4 += ProtobufReader.floats(field.value)
                    case 5: params5 += ProtobufReader.floats(field.value)
                    case 6: params6 += ProtobufReader.floats(field.value)
                    case 9: options.newPerDay = field.value.integer.map { Int($0) }
                    case 16: options.maximumInterval = field.value.integer.map { Int($0) }
                    case 37: options.desiredRetention = field.value.float
                    default: break
                    }
                }
                options.learningSteps = learning
                options.relearningSteps = relearning
                options.parameters = [params6, params5, params4].first { !$0.isEmpty }
                self.options[options.id] = options
            }
        } catch is ProtobufReader.Malformed {
            throw AnkiError.damaged(path: path, detail: "a note type, deck or deck options entry does not decode")
        }
    }

    // MARK: - Schema 11

    private mutating func readJSON(models: String, decks: String, options: String, path: String) throws {
        func object(_ text: String, _ what: String) throws -> [String: Any] {
            guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw AnkiError.damaged(path: path, detail: "its \(what) are not JSON")
            }
            return value
        }
        func int(_ value: Any?) -> Int64? {
            (value as? NSNumber)?.int64Value ?? (value as? String).flatMap { Int64($0) }
        }
        func double(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
        func doubles(_ value: Any?) -> [Double]? {
            guard let list = value as? [Any] else { return nil }
            let numbers = list.compactMap { ($0 as? NSNumber)?.doubleValue }
            return numbers.isEmpty ? nil : numbers
        }
        for case let model as [String: Any] in try object(models, "note types").values {
            guard let id = int(model["id"]) else { continue }
            let fields = (model["flds"] as? [[String: Any]] ?? [])
                .sorted { (int($0["ord"]) ?? 0) < (int($1["ord"]) ?? 0) }
                .map { $0["name"] as? String ?? "" }
            let templates = (model["tmpls"] as? [[String: Any]] ?? [])
                .sorted { (int($0["ord"]) ?? 0) < (int($1["ord"]) ?? 0) }
                .map {
                    AnkiNotetype.Template(
                        name: $0["name"] as? String ?? "", front: $0["qfmt"] as? String ?? "",
                        back: $0["afmt"] as? String ?? "")
                }
            notetypes[id] = AnkiNotetype(
                id: id, name: model["name"] as? String ?? "", isCloze: int(model["type"]) == 1,
                stockKind: int(model["originalStockKind"]).flatMap { .init(rawValue: Int($0)) },
                fields: fields, templates: templates)
        }
        for case let deck as [String: Any] in try object(decks, "decks").values {
            guard let id = int(deck["id"]) else { continue }
            let filtered = int(deck["dyn"]) == 1
            self.decks[id] = AnkiDeckRecord(
                id: id, name: deck["name"] as? String ?? "", optionsID: filtered ? nil : int(deck["conf"]) ?? 1,
                desiredRetention: double(deck["desiredRetention"]), description: deck["desc"] as? String ?? "")
        }
        for case let preset as [String: Any] in try object(options, "deck options").values {
            guard let id = int(preset["id"]) else { continue }
            let new = preset["new"] as? [String: Any]
            let lapse = preset["lapse"] as? [String: Any]
            let review = preset["rev"] as? [String: Any]
            self.options[id] = AnkiDeckOptions(
                id: id, desiredRetention: double(preset["desiredRetention"]),
                parameters: doubles(preset["fsrsParams6"]) ?? doubles(preset["fsrsParams5"])
                    ?? doubles(preset["fsrsWeights"]),
                learningSteps: doubles(new?["delays"]), relearningSteps: doubles(lapse?["delays"]),
                maximumInterval: int(review?["maxIvl"]).map { Int($0) }, newPerDay: int(new?["perDay"]).map { Int($0) })
        }
    }
}
