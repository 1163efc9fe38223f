import Decks
import Foundation
import Progress
import Scheduling

/// Everything an import will write, worked out before anything is written.
struct AnkiImportPlan {
    /// The decks, in order of their Anki names.
    var decks: [PlannedDeck] = []
    /// Media file contents, by name (only the files some card refers to).
    var media: [String: Data] = [:]
    /// The counts and skips so far.
    var summary = AnkiImportSummary()

    /// The prefix of the guids recall gives the notes it exports: `recall:DECK/CARD`.
    static let guidPrefix = "recall:"

    /// Maps `collection` to decks and progress, telling `progress` how many of how many
    /// notes are done every 1 024.
    init(
        collection: AnkiCollection, path: String, options: AnkiImportOptions,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws {
        var cardsByNote: [Int64: [AnkiCard]] = [:]
        for card in collection.cards { cardsByNote[card.noteID, default: []].append(card) }
        var revlogRanges: [Int64: Range<Int>] = [:]
        var start = 0
        while start < collection.revlog.count {
            let cardID = collection.revlog[start].cardID
            var end = start + 1
            while end < collection.revlog.count, collection.revlog[end].cardID == cardID { end += 1 }
            revlogRanges[cardID] = start..<end
            start = end
        }
        let answeredCards = Set(collection.cards.map(\.id))
        summary.skip(
            "review-log rows of deleted cards", collection.revlog.filter { !answeredCards.contains($0.cardID) }.count)

        // Notes by deck (a note's deck is its first card's home deck).
        var notesByDeck: [Int64: [AnkiNote]] = [:]
        for note in collection.notes {
            let deckID: Int64
            if collection.hasSchedule {
                guard let first = cardsByNote[note.id]?.first else {
                    summary.skip("notes without cards")
                    continue
                }
                deckID = first.originalDeckID != 0 ? first.originalDeckID : first.deckID
            } else {
                deckID = collection.noteDecks[note.id] ?? 0
            }
            notesByDeck[deckID, default: []].append(note)
        }

        // Deck ids and titles.
        var usedIDs = Set<String>()
        let ordered = notesByDeck.keys.sorted {
            (collection.decks[$0]?.name ?? "", $0) < (collection.decks[$1]?.name ?? "", $1)
        }
        var warnedNotetypes = Set<Int64>()
        let noteCount = notesByDeck.values.reduce(0) { $0 + $1.count }
        var converted = 0
        progress(0, noteCount)
        for ankiDeckID in ordered {
            guard let notes = notesByDeck[ankiDeckID] else { continue }
            let record =
                collection.decks[ankiDeckID]
                ?? AnkiDeckRecord(
                    id: ankiDeckID, name: "Anki deck \(ankiDeckID)", optionsID: 1, desiredRetention: nil,
                    description: "")
            let recallDecks = Set(notes.map { Self.recallGuid($0.guid)?.deck })
            var base: String
            if recallDecks.count == 1, let only = recallDecks.first, let only {
                base = only
            } else {
                base = Slug.make(record.name) ?? "deck-\(ankiDeckID)"
            }
            if let prefix = options.deckPrefix { base = Slug.make(prefix + "-" + base) ?? base }
            var deckID = base
            var counter = 2
            while usedIDs.contains(deckID) {
                deckID = Slug.make("\(base)-\(counter)") ?? "\(base)-\(counter)"
                counter += 1
            }
            usedIDs.insert(deckID)
            let title = record.name.components(separatedBy: "::")
                .map { HTMLText.plain($0).text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: " › ")
            let description = HTMLText.plain(record.description).text
            var deck = Deck(
                id: deckID, title: title.isEmpty ? deckID : title,
                description: description.isEmpty
                    ? "Imported from Anki (\((path as NSString).lastPathComponent))." : description)

            // Settings.
            var settings: DeckSettings?
            var scheduler = Self.defaultScheduler
            if collection.hasSchedule {
                let result = Self.settings(record, options: record.optionsID.flatMap { collection.options[$0] })
                settings = result.settings
                if let warning = result.warning { summary.warnings.append("deck \"\(title)\": \(warning)") }
                scheduler = (try? result.settings.scheduler.makeFSRS()) ?? Self.defaultScheduler
            }

            var items: [ProgressImport.Item] = []
            var histories: [(card: AnkiCard, item: Int)] = []  // the answered cards, by index in `items`
            var mediaNames: [String] = []
            var cardIDs = Set<String>()
            let mappings = Self.map(notes, notetypes: collection.notetypes)
            for (note, mapping) in zip(notes, mappings) {
                converted += 1
                if converted & 0x3FF == 0 { progress(converted, noteCount) }
                guard let notetype = collection.notetypes[note.notetypeID], let mapping else {
                    summary.skip("notes of a missing note type")
                    continue
                }
                let cardID = mapping.cardID
                guard cardIDs.insert(cardID).inserted else {
                    summary.skip("notes with a duplicate guid")
                    continue
                }
                let mapped: MappedNote
                do {
                    mapped = try mapping.card.get()
                } catch {
                    summary.skip("notes with an \(error.reason)".replacingOccurrences(of: "an cloze", with: "a cloze"))
                    continue
                }
                if NoteKind(notetype) == .custom && warnedNotetypes.insert(notetype.id).inserted {
                    let shown = Set(notetype.templates.first.map { NoteKind.fieldReferences($0.front) } ?? [])
                    let front = notetype.fields.filter { shown.contains($0) }
                    let back = notetype.fields.filter { !shown.contains($0) }
                    summary.warnings.append(
                        "note type \"\(AnkiError.show(notetype.name))\" is not one recall knows: its notes become basic cards, "
                            + "front \(front.joined(separator: " + ")), back \(back.joined(separator: " + "))")
                }
                deck.cards.append(mapped.card)
                for name in mapped.media where !mediaNames.contains(name) { mediaNames.append(name) }
                summary.notes += 1
                let studyItems = mapped.card.studyItems(deckID: deckID)
                summary.items += studyItems.count
                guard collection.hasSchedule else { continue }
                let hash = mapped.card.contentHash
                var states: [String: ImportedCardProgress] = [:]
                var answered: [(card: AnkiCard, key: String)] = []
                for card in cardsByNote[note.id] ?? [] {
                    guard let key = mapped.itemKeys[card.ord] else {
                        summary.skip("cards of a custom note type's other templates")
                        summary.skip("review-log rows of skipped cards", revlogRanges[card.id]?.count ?? 0)
                        continue
                    }
                    let history = revlogRanges[card.id].map { collection.revlog[$0] } ?? []
                    let progress = HistoryMapping.schedule(
                        card, revlog: history, created: collection.created, scheduler: scheduler, now: options.now)
                    states[key] = progress
                    if progress.answerCount > 0 { answered.append((card, key)) }
                    summary.skip("review-log rows of manual changes and reschedules", progress.skippedRows)
                }
                for (card, key) in answered {
                    if let position = studyItems.firstIndex(where: { $0.key == key }) {
                        histories.append((card, items.count + position))
                    }
                }
                for item in studyItems {
                    let progress = states[item.key]
                    items.append(
                        ProgressImport.Item(
                            key: item.key, cardID: cardID, contentHash: hash,
                            state: progress?.state ?? .new(due: options.now), suspended: progress?.suspended ?? false))
                }
            }
            guard !deck.cards.isEmpty else { continue }
            let json = DeckJSONWriter.json(deck)
            let check = DeckLoader.load(json: json, file: deckID + ".json")
            if let problem = check.problems.first {
                throw AnkiError.damaged(
                    path: path, detail: "deck \"\(deckID)\" would not pass recall check: \(problem.message)")
            }
            decks.append(
                PlannedDeck(
                    deck: deck, json: json, media: mediaNames,
                    progress: collection.hasSchedule
                        ? Self.progress(
                            deckID: deckID, items: items, settings: settings, histories: histories,
                            collection: collection, revlog: revlogRanges, scheduler: scheduler)
                        : nil))
            summary.decks += 1
        }
        progress(noteCount, noteCount)
    }

    /// A deck's progress: its items, settings, and the answers of `histories` (each a card
    /// and the index of its item in `items`), made while the store writes them, in time
    /// order (the plan keeps only the final states, so a million reviews never sit in memory;
    /// in time order, the store's tallies and time index grow at their ends).
    static func progress(
        deckID: String, items: [ProgressImport.Item], settings: DeckSettings?,
        histories: [(card: AnkiCard, item: Int)], collection: AnkiCollection, revlog: [Int64: Range<Int>],
        scheduler: FSRS
    ) -> ProgressImport {
        let historyItems = histories.map(\.item)
        let rows = collection.revlog
        // (time, row, history) of every answer, sorted by time.
        var order: [(time: Int64, row: Int32, history: Int32)] = []
        for (index, history) in histories.enumerated() {
            for row in revlog[history.card.id] ?? 0..<0 where rows[row].isAnswer {
                order.append((rows[row].id, Int32(row), Int32(index)))
            }
        }
        order.sort { ($0.time, $0.history, $0.row) < ($1.time, $1.history, $1.row) }
        let sorted = order
        return ProgressImport(
            deckID: deckID, items: items, settings: settings,
            streamedAnswers: { emit in
                // Replays the history in time order; `push` returns false to stop.
                @Sendable func replay(_ push: (ProgressImport.StreamedAnswer) throws -> Bool) rethrows {
                    var states = [CardState?](repeating: nil, count: historyItems.count)
                    for entry in sorted {
                        let history = Int(entry.history)
                        let row = rows[Int(entry.row)]
                        guard let answer = HistoryMapping.answer(row, after: states[history], scheduler: scheduler)
                        else { continue }
                        states[history] = answer.after
                        let streamed = ProgressImport.StreamedAnswer(
                            item: historyItems[history], time: row.id, rating: answer.rating,
                            durationMilliseconds: answer.durationMilliseconds, before: answer.before,
                            after: answer.after)
                        guard try push(streamed) else { return }
                    }
                }
                if sorted.count < pipelineThreshold {
                    try replay { answer in
                        try emit(answer)
                        return true
                    }
                } else {
                    // A large history: replayed on a helper thread while the store writes.
                    try BatchPipeline.run(produce: { push in replay(push) }, consume: emit)
                }
            }, expectedStreamedAnswers: sorted.count)
    }

    /// The card id of each note (from its guid) and its mapping to a recall card (or why it
    /// is skipped); `nil` for a note of a missing note type. Worked out on every core: the
    /// mapping (HTML to text, above all) is most of the plan's work, and each note's is its own.
    static func map(_ notes: [AnkiNote], notetypes: [Int64: AnkiNotetype]) -> [(
        cardID: String, card: Result<MappedNote, NoteMapping.Skip>
    )?] {
        @Sendable func mapping(_ note: AnkiNote) -> (cardID: String, card: Result<MappedNote, NoteMapping.Skip>)? {
            guard let notetype = notetypes[note.notetypeID] else { return nil }
            let cardID: String
            if let recall = recallGuid(note.guid), TextRules.isSlug(recall.card) {
                cardID = recall.card
            } else {
                cardID = Slug.cardID(guid: note.guid)
            }
            return (
                cardID,
                Result { () throws(NoteMapping.Skip) in try NoteMapping.map(note, notetype: notetype, cardID: cardID) }
            )
        }
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount, notes.count / 2_000)
        guard chunks > 1 else { return notes.map(mapping) }
        let results = ChunkedResults<(cardID: String, card: Result<MappedNote, NoteMapping.Skip>)?>(count: notes.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (notes.count * chunk / chunks)..<(notes.count * (chunk + 1) / chunks)
            results.set(range, to: notes[range].map(mapping))
        }
        return results.values
    }

    /// The number of answers from which a deck's history is replayed on a helper thread.
    static let pipelineThreshold = 20_000

    /// Reads the media files the decks refer to from `package`; counts the missing and unused ones.
    mutating func loadMedia(from package: AnkiPackage?) throws {
        let wanted = Set(decks.flatMap(\.media))
        guard let package else {
            summary.skip("media files not in a text export", wanted.count)
            return
        }
        var found = Set<String>()
        for (name, entry) in package.mediaEntries where wanted.contains(name) {
            media[name] = try package.mediaData(entry)
            found.insert(name)
        }
        summary.skip("media files missing from the package", wanted.subtracting(found).count)
        summary.skip("media files no card uses", Set(package.mediaNames.values).subtracting(wanted).count)
        for index in decks.indices { decks[index].media = decks[index].media.filter { found.contains($0) } }
    }

    /// FSRS with recall's defaults (always valid).
    static var defaultScheduler: FSRS {
        guard let fsrs = try? SchedulerConfiguration().makeFSRS() else {
            preconditionFailure("the default configuration is valid")
        }
        return fsrs
    }

    /// The deck and card of a guid recall wrote (`recall:DECK/CARD`), or `nil`.
    static func recallGuid(_ guid: String) -> (deck: String, card: String)? {
        guard guid.hasPrefix(guidPrefix) else { return nil }
        let rest = guid.dropFirst(guidPrefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let deck = String(rest[..<slash])
        let card = String(rest[rest.index(after: slash)...])
        guard TextRules.isSlug(deck), TextRules.isSlug(card) else { return nil }
        return (deck, card)
    }

    /// recall's settings for a deck from its Anki options: desired retention (the deck's own
    /// first), FSRS parameters, steps, maximum interval, new cards per day.
    static func settings(_ deck: AnkiDeckRecord, options: AnkiDeckOptions?) -> (
        settings: DeckSettings, warning: String?
    ) {
        var configuration = SchedulerConfiguration()
        var newPerDay = DeckSettings.defaultNewCardsPerDay
        var warning: String?
        if let options {
            if let retention = deck.desiredRetention ?? options.desiredRetention, retention > 0 {
                configuration.desiredRetention = (retention * 1000).rounded() / 1000
            }
            if let steps = options.learningSteps { configuration.learningSteps = steps.map { ($0 * 60).rounded() } }
            if let steps = options.relearningSteps { configuration.relearningSteps = steps.map { ($0 * 60).rounded() } }
            if let maximum = options.maximumInterval, maximum > 0 { configuration.maximumInterval = maximum }
            if let perDay = options.newPerDay { newPerDay = perDay }
            configuration.parameters = options.parameters.map { $0.map { ($0 * 10_000).rounded() / 10_000 } }
        }
        do {
            try configuration.validate()
        } catch {
            let fallback = SchedulerConfiguration()
            var fixed = configuration
            fixed.parameters = nil
            if (try? fixed.validate()) != nil {
                warning = "its FSRS parameters are not usable (\(error)); recall's defaults are used"
                configuration = fixed
            } else {
                warning = "its options are not usable (\(error)); recall's defaults are used"
                configuration = fallback
            }
        }
        return (DeckSettings(scheduler: configuration, newCardsPerDay: newPerDay), warning)
    }
}
