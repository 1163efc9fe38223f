import Decks
import Foundation
import GRDB
import Progress
import Scheduling

/// Writes a schema-11 Anki collection (`collection.anki21`): note types, decks and options
/// as JSON in `col`, then notes, cards and the review log.
struct AnkiCollectionWriter {
    private var queue: DatabaseQueue?
    private let options: AnkiExportOptions
    /// The file being written.
    private let path: String
    /// The collection's creation: the start of the current study day, Unix seconds.
    let created: Int64

    /// Creates the file at `path`.
    init(path: String, options: AnkiExportOptions) throws {
        self.options = options
        self.path = path
        created = Int64(options.dayRollover.start(ofDayContaining: options.now).timeIntervalSince1970)
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            // A scratch file, zipped once complete: no journal, no syncs, a large cache, and
            // a second thread for the sorts that build the indexes.
            configuration.prepareDatabase { db in
                try db.execute(
                    sql:
                        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA threads = 2"
                )
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in try db.execute(sql: Self.schema) }
            self.queue = queue
        } catch {
            throw AnkiError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Closes the file.
    mutating func close() {
        try? queue?.close()
        queue = nil
    }

    /// Writes the decks, and their progress from `store` when given, telling `progress` how
    /// far it has got.
    mutating func write(
        _ decks: [Deck], media: [String: [String: String]], store: ProgressStore?,
        progress: (AnkiExportProgress) -> Void = { _ in }
    ) throws -> AnkiExportSummary {
        guard let queue else { throw AnkiError.cannotWrite(path: path, reason: "closed") }
        var summary = AnkiExportSummary()
        let deckIDs = decks.map(\.id)
        // Each item of the decks by deck and key, with its row in the store.
        var states: [String: [String: (row: Int64, item: StoredItem)]] = [:]
        var settings: [String: DeckSettings] = [:]
        // The Anki card of each item row of the decks, for the review log (`nil` card: an
        // item no card of the decks has now, whose answers are skipped).
        var targets: [Int64: RevlogTarget] = [:]
        // The answers to write (from the store's tallies, which leave out manual changes).
        var answerTotal: Int64 = 0
        if let store {
            progress(AnkiExportProgress(.reading))
            answerTotal = Int64(try store.answerCount(deckIDs: deckIDs))
            try store.forEachItemRow(deckIDs: deckIDs) { row, item in
                states[item.ref.deckID, default: [:]][item.ref.key] = (row, item)
                targets[row] = RevlogTarget(card: nil, sm2: false)
            }
            for id in deckIDs { settings[id] = try store.settings(for: id) }
        }
        let nowSeconds = Int64(options.now.timeIntervalSince1970)
        let nowMilliseconds = Int64((options.now.timeIntervalSince1970 * 1000).rounded())
        let created = self.created
        let path = self.path
        // The log is read on another thread from here on, while notes and cards are written.
        let feed = store.map { ReviewOutlineFeed($0, deckIDs: deckIDs) }
        defer { feed?.stop() }

        try queue.inTransaction { db in
            // col: note types, decks, deck options.
            var models: [String: Any] = [:]
            for notetype in ExportNotetype.allCases {
                models[String(notetype.id)] = notetype.json(deckID: 1, modified: nowSeconds)
            }
            var deckJSON: [String: Any] = [
                "1": Self.deckJSON(id: 1, name: "Default", description: "", options: 1, modified: nowSeconds)
            ]
            var optionsJSON: [String: Any] = [
                "1": Self.optionsJSON(id: 1, name: "Default", settings: DeckSettings(), modified: nowSeconds)
            ]
            for deck in decks {
                let id = AnkiExporter.ankiDeckID(deck.id)
                deckJSON[String(id)] = Self.deckJSON(
                    id: id, name: AnkiExporter.ankiDeckName(deck),
                    description: ExportedNote.html(deck.description, media: []),
                    options: id, modified: nowSeconds)
                optionsJSON[String(id)] = Self.optionsJSON(
                    id: id, name: deck.title, settings: settings[deck.id] ?? DeckSettings(), modified: nowSeconds)
            }
            let conf: [String: Any] = [
                "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true,
                "dueCounts": true, "curModel": String(ExportNotetype.basic.id), "nextPos": 1, "sortType": "noteFld",
                "sortBackwards": false, "addToCur": true, "schedVer": 2, "rollover": 4, "creationOffset": 0,
            ]
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    created, nowMilliseconds, nowMilliseconds, try Self.json(conf), try Self.json(models),
                    try Self.json(deckJSON), try Self.json(optionsJSON),
                ])

            let insertNote = try BoundStatement(db, sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")
            let insertCard = try BoundStatement(
                db, sql: "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)")
            var noteID = nowMilliseconds - 10_000_000_000
            var cardID = noteID
            var position = 0
            let noteCount = Int64(decks.reduce(0) { $0 + $1.cards.count })
            progress(AnkiExportProgress(.notes, done: 0, total: noteCount))
            for deck in decks {
                summary.decks += 1
                let ankiDeck = AnkiExporter.ankiDeckID(deck.id)
                let names = Set(media[deck.id]?.keys.map { $0 } ?? [])
                let deckStates = states[deck.id] ?? [:]
                let deckSettings = settings[deck.id] ?? DeckSettings()
                let sm2 = deckSettings.scheduler.kind == .sm2
                for card in deck.cards {
                    let note = ExportedNote(card, in: deck, media: names)
                    noteID += 1
                    let sortField = HTMLText.plain(note.fields[0]).text
                    var checksum = FNV1a64()
                    checksum.combine(sortField.utf8)
                    insertNote.bind(1, noteID)
                    insertNote.bind(2, note.guid)
                    insertNote.bind(3, note.notetype.id)
                    insertNote.bind(4, nowSeconds)
                    insertNote.bind(5, note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " ")
                    insertNote.bind(6, note.fields.joined(separator: "\u{1F}"))
                    insertNote.bind(7, sortField)
                    insertNote.bind(8, Int64(checksum.value >> 33))
                    try insertNote.run(db)
                    summary.notes += 1
                    position += 1
                    if summary.notes % AnkiExporter.noteProgressStep == 0 {
                        progress(AnkiExportProgress(.notes, done: Int64(summary.notes), total: noteCount))
                    }
                    for item in card.studyItems(deckID: deck.id) {
                        cardID += 1
                        let entry = store == nil ? nil : deckStates[item.key]
                        if let entry { targets[entry.row] = RevlogTarget(card: cardID, sm2: sm2) }
                        let stored = entry?.item
                        let fields = Self.cardFields(
                            stored, settings: deckSettings, position: position, created: created)
                        insertCard.bind(1, cardID)
                        insertCard.bind(2, noteID)
                        insertCard.bind(3, ankiDeck)
                        insertCard.bind(4, ExportedNote.ord(of: item))
                        insertCard.bind(5, nowSeconds)
                        insertCard.bind(6, fields.type)
                        insertCard.bind(7, fields.queue)
                        insertCard.bind(8, fields.due)
                        insertCard.bind(9, fields.interval)
                        insertCard.bind(10, fields.factor)
                        insertCard.bind(11, stored?.state.reps ?? 0)
                        insertCard.bind(12, stored?.state.lapses ?? 0)
                        insertCard.bind(13, fields.left)
                        insertCard.bind(14, fields.data)
                        try insertCard.run(db)
                        summary.cards += 1
                    }
                }
            }
            progress(AnkiExportProgress(.notes, done: noteCount, total: noteCount))

            // The review log, in time order: each row's id is its time in milliseconds, moved
            // on by one where two answers share a millisecond.
            if let feed {
                let insertReview = try BoundStatement(db, sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
                var lastID: Int64 = 0
                var written = 0
                var skipped = 0
                var read: Int64 = 0
                progress(AnkiExportProgress(.reviews, done: 0, total: answerTotal))
                while let batch = try feed.next() {
                    for review in batch {
                        guard let target = targets[review.itemRow] else { continue }  // another deck's
                        guard review.kind == .study, let card = target.card, let rating = review.rating,
                            let afterPhase = review.afterPhase, let afterDue = review.afterDue
                        else {
                            skipped += 1
                            continue
                        }
                        var id = Int64((review.time.timeIntervalSince1970 * 1000).rounded())
                        if id <= lastID { id = lastID + 1 }
                        lastID = id
                        let type: Int64
                        switch review.beforePhase {
                        case .new, .learning: type = 0
                        case .review: type = 1
                        case .relearning: type = 2
                        }
                        insertReview.bind(1, id)
                        insertReview.bind(2, card)
                        insertReview.bind(3, rating.rawValue)
                        insertReview.bind(4, Self.revlogInterval(phase: afterPhase, due: afterDue, at: review.time))
                        insertReview.bind(
                            5,
                            Self.revlogInterval(
                                phase: review.beforePhase, due: review.beforeDue,
                                at: review.beforeLastReview ?? review.time
                            ))
                        insertReview.bind(
                            6, Self.factor(phase: afterPhase, difficulty: review.afterDifficulty, sm2: target.sm2))
                        insertReview.bind(7, min(max(review.durationMilliseconds ?? 0, 0), 60_000))
                        insertReview.bind(8, type)
                        do {
                            try insertReview.run(db)
                        } catch {
                            // Not the store's error: the collection being written failed.
                            throw AnkiError.cannotWrite(path: path, reason: "\(error)")
                        }
                        written += 1
                    }
                    // Reported per batch of the feed, not per answer.
                    read += Int64(batch.count)
                    progress(AnkiExportProgress(.reviews, done: min(read, answerTotal), total: answerTotal))
                }
                summary.reviews += written
                summary.skippedAnswers += skipped
                progress(AnkiExportProgress(.reviews, done: answerTotal, total: answerTotal))
            }
            // The indexes, built once over the whole tables rather than row by row.
            progress(AnkiExportProgress(.indexing))
            try db.execute(sql: Self.indexes)
            return .commit
        }
        return summary
    }

    /// Where the answers of one item row of the store go in the review log.
    private struct RevlogTarget {
        /// The Anki card (`nil`: no card of the decks has the item now; its answers are skipped).
        var card: Int64?
        /// Whether its deck schedules with SM-2 (the factor is then its ease).
        var sm2: Bool
    }

    /// type, queue, due, ivl, factor, left and data of an Anki card in the given state.
    static func cardFields(
        _ stored: StoredItem?, settings: DeckSettings, position: Int, created: Int64
    ) -> (type: Int, queue: Int, due: Int64, interval: Int, factor: Int, left: Int, data: String) {
        guard let stored, stored.state.phase != .new else {
            return (0, stored?.suspended == true ? -1 : 0, Int64(position), 0, 0, 0, "")
        }
        let state = stored.state
        let configuration = settings.scheduler
        var data = ""
        if configuration.kind == .fsrs, let stability = state.stability, let difficulty = state.difficulty {
            data = CardData.json(
                stability: stability, difficulty: difficulty, desiredRetention: configuration.desiredRetention,
                lastReview: state.lastReview)
        }
        let dueSeconds = Int64(state.due.timeIntervalSince1970.rounded())
        let factor = factor(state, sm2: configuration.kind == .sm2)
        switch state.phase {
        case .review:
            let day = Int64((Double(dueSeconds - created) / 86_400).rounded(.down))
            let interval = max(1, revlogInterval(state, at: state.lastReview ?? state.due))
            return (2, stored.suspended ? -1 : 2, day, interval, factor, 0, data)
        case .learning, .relearning:
            let steps = state.phase == .learning ? configuration.learningSteps : configuration.relearningSteps
            let left = max(steps.count - (state.step ?? 0), 1)
            return (state.phase == .learning ? 1 : 3, stored.suspended ? -1 : 1, dueSeconds, 0, factor, left, data)
        case .new:
            return (0, 0, Int64(position), 0, 0, 0, "")
        }
    }

    /// The interval of a state as Anki's revlog writes it: days for a review card, minus the
    /// seconds to its due time for a (re)learning one.
    static func revlogInterval(_ state: CardState, at time: Date) -> Int {
        revlogInterval(phase: state.phase, due: state.due, at: time)
    }

    /// ``revlogInterval(_:at:)`` of a state's phase and due time.
    static func revlogInterval(phase: CardPhase, due: Date, at time: Date) -> Int {
        let seconds = due.timeIntervalSince(time)
        switch phase {
        case .review: return max(1, Int((seconds / 86_400).rounded()))
        case .learning, .relearning: return -max(1, Int(seconds.rounded()))
        case .new: return 0
        }
    }

    /// SM-2 ease in permille: an SM-2 card's ease (recall keeps it as the difficulty), else Anki's 2500.
    static func factor(_ state: CardState, sm2: Bool) -> Int {
        factor(phase: state.phase, difficulty: state.difficulty, sm2: sm2)
    }

    /// ``factor(_:sm2:)`` of a state's phase and difficulty.
    static func factor(phase: CardPhase, difficulty: Double?, sm2: Bool) -> Int {
        guard phase != .new else { return 0 }
        if sm2, let ease = difficulty, ease >= 1.3 { return Int((ease * 1000).rounded()) }
        return 2500
    }

    static func deckJSON(id: Int64, name: String, description: String, options: Int64, modified: Int64) -> [String: Any]
    {
        [
            "id": id, "name": name, "desc": description, "conf": options, "dyn": 0, "collapsed": false,
            "browserCollapsed": false, "extendNew": 0, "extendRev": 0, "usn": -1, "mod": modified,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
        ]
    }

    static func optionsJSON(id: Int64, name: String, settings: DeckSettings, modified: Int64) -> [String: Any] {
        let configuration = settings.scheduler
        var result: [String: Any] = [
            "id": id, "name": name, "mod": modified, "usn": -1, "maxTaken": 60, "autoplay": true, "timer": 0,
            "replayq": true, "dyn": false,
            "new": [
                "bury": false, "delays": configuration.learningSteps.map { $0 / 60 }, "initialFactor": 2500,
                "ints": [1, 4, 0], "order": 1, "perDay": settings.newCardsPerDay,
            ] as [String: Any],
            "lapse": [
                "delays": configuration.relearningSteps.map { $0 / 60 }, "leechAction": 1, "leechFails": 8, "minInt": 1,
                "mult": 0,
            ] as [String: Any],
            "rev": [
                "bury": false, "ease4": 1.3, "ivlFct": 1, "maxIvl": configuration.maximumInterval, "perDay": 200,
                "hardFactor": 1.2,
            ] as [String: Any],
            "desiredRetention": configuration.desiredRetention,
        ]
        if let parameters = configuration.parameters {
            switch parameters.count {
            case 21: result["fsrsParams6"] = parameters
            case 19: result["fsrsParams5"] = parameters
            default: result["fsrsWeights"] = parameters
            }
        }
        return result
    }

    static func json(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Anki's schema 11 (as `rslib/src/storage/schema11.sql` creates it): the tables, then
    /// ``indexes``.
    static let schema = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
          ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
          models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
          flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
          ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL,
          left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
          ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
          type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        """

    /// Its indexes, made once the tables are filled.
    static let indexes = """
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """
}
