import Decks
import Foundation
import GRDB
import Progress
import Scheduling
import Testing
import ZIPFoundation

@testable import Anki

@Suite("Anki export")
struct AnkiExportTests {
    /// A deck with a card of every type, and a history.
    static func sample(in folder: TemporaryFolder) throws -> (Deck, ProgressStore, Int) {
        let json = """
            {"format": 1, "id": "hailsham", "title": "Lit › Hailsham", "description": "The school & its people.",
             "sources": [{"id": "novel", "title": "Never Let Me Go", "author": "Kazuo Ishiguro"}],
             "cards": [
              {"id": "narrator", "type": "basic", "front": "Who narrates <the> novel?", "back": "Kathy H.\\nA carer", "reverse": true,
               "source": "novel", "location": "Chapter 1", "tags": ["cast"], "hint": "K", "explanation": "First line."},
              {"id": "school", "type": "typed", "prompt": "Where did Kathy grow up?", "answers": ["Hailsham", "Hailsham House"]},
              {"id": "friend", "type": "choice", "prompt": "Closest friend?", "choices": ["Ruth", "Madame"], "answer": "Ruth"},
              {"id": "carer", "type": "truefalse", "statement": "Kathy is a carer.", "answer": true},
              {"id": "trio", "type": "cloze", "text": "{{c1::Kathy}}, {{c2::Ruth::a friend}} and {{c1::Tommy}}"}
             ]}
            """
        try FileManager.default.createDirectory(atPath: folder.file("decks"), withIntermediateDirectories: true)
        try json.write(toFile: folder.file("decks/hailsham.json"), atomically: true, encoding: .utf8)
        let deck = try #require(DeckLoader.load(file: folder.file("decks/hailsham.json")).deck)
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        try store.sync(deck)
        let fsrs = try SchedulerConfiguration().makeFSRS()
        var reviews: [ReviewRecord] = []
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for (index, key) in ["narrator", "narrator#reverse", "school", "trio#c2"].enumerated() {
            let ref = ItemRef(deckID: "hailsham", key: key)
            var state = CardState.new(due: start)
            for (step, rating) in [Rating.good, .good, .again, .good].prefix(index + 1).enumerated() {
                let time = start.addingTimeInterval(Double(step) * 86_400 * 3 + Double(index) * 60)
                let after = fsrs.review(state, rating: rating, at: time)
                reviews.append(
                    .study(ref, rating: rating, at: time, before: state, after: after, durationMilliseconds: 4200))
                state = after
            }
        }
        reviews.append(
            .practice(ItemRef(deckID: "hailsham", key: "friend"), rating: .good, at: start, state: .new(due: start)))
        try store.record(batch: reviews)
        try store.suspend(ItemRef(deckID: "hailsham", key: "carer"))
        return (deck, store, reviews.count - 1)
    }

    @Test("recall → .apkg → recall keeps every card and every review")
    func roundTrip() throws {
        let folder = TemporaryFolder()
        let (deck, store, reviews) = try Self.sample(in: folder)
        let summary = try AnkiExporter.export([deck], store: store, to: folder.file("out.apkg"))
        #expect(summary.decks == 1)
        #expect(summary.notes == 5)
        #expect(summary.cards == 7)
        #expect(summary.reviews == reviews)
        #expect(summary.skippedAnswers == 1)

        let back = TemporaryFolder()
        let backStore = try ProgressStore(path: back.file("progress.sqlite"))
        let imported = try AnkiImporter.importFile(
            folder.file("out.apkg"), options: AnkiImportOptions(decksDirectory: back.file("decks")), store: backStore)
        #expect(imported.decks == 1)
        #expect(imported.notes == 5)
        #expect(imported.items == 7)
        #expect(imported.reviews == reviews)
        let again = try #require(DeckLoader.load(file: back.file("decks/hailsham.json")).deck)
        #expect(again.id == "hailsham")
        #expect(again.title == "Lit › Hailsham")
        #expect(again.cards.map(\.id) == deck.cards.map(\.id))
        #expect(again.cards[0].content == deck.cards[0].content)
        #expect(again.cards[0].hint == "K")
        #expect(again.cards[0].explanation == "First line.")
        #expect(again.cards[0].location == "Never Let Me Go, Kazuo Ishiguro, Chapter 1")
        #expect(again.cards[0].tags == ["cast"])
        #expect(again.cards[1].content == deck.cards[1].content)
        #expect(
            again.cards[2].content
                == .basic(front: "Closest friend?\n\na) Ruth\nb) Madame", back: "Ruth", reverse: false))
        #expect(
            again.cards[3].content == .basic(front: "True or false? Kathy is a carer.", back: "True", reverse: false))
        #expect(again.cards[4].content == deck.cards[4].content)

        // Every review, at the same millisecond, with the same rating and duration.
        var original: [String] = []
        try store.forEachReview {
            original.append(
                "\($0.item.key) \($0.time.timeIntervalSince1970) \($0.rating!.rawValue) \($0.durationMilliseconds ?? -1)"
            )
        }
        var copied: [String] = []
        try backStore.forEachReview {
            copied.append(
                "\($0.item.key) \($0.time.timeIntervalSince1970) \($0.rating!.rawValue) \($0.durationMilliseconds ?? -1)"
            )
        }
        #expect(copied == original)
        // The states: phase, due (to the second for learning, the day for review), memory, suspension.
        for key in ["narrator", "narrator#reverse", "school", "trio#c2", "carer", "trio#c1"] {
            let ref = ItemRef(deckID: "hailsham", key: key)
            let before = try #require(try store.item(ref))
            let after = try #require(try backStore.item(ref))
            #expect(after.state.phase == before.state.phase, "\(key)")
            #expect(after.suspended == before.suspended, "\(key)")
            #expect(after.state.reps == before.state.reps, "\(key)")
            #expect(after.state.lapses == before.state.lapses, "\(key)")
            if let stability = before.state.stability {
                #expect(abs((after.state.stability ?? 0) - stability) < 0.0001, "\(key)")
                #expect(abs((after.state.difficulty ?? 0) - (before.state.difficulty ?? 0)) < 0.001, "\(key)")
            }
            if before.state.phase == .review {
                #expect(abs(after.state.due.timeIntervalSince(before.state.due)) < 86_400, "\(key)")
            } else if before.state.phase != .new {
                #expect(abs(after.state.due.timeIntervalSince(before.state.due)) < 1, "\(key)")
                #expect(after.state.step == before.state.step, "\(key)")
            }
        }
    }

    @Test("--no-progress exports the cards alone, all new")
    func noProgress() throws {
        let folder = TemporaryFolder()
        let (deck, store, _) = try Self.sample(in: folder)
        let summary = try AnkiExporter.export(
            [deck], store: store, to: folder.file("out.apkg"), options: AnkiExportOptions(includeProgress: false))
        #expect(summary.reviews == 0)
        #expect(summary.cards == 7)
        let back = TemporaryFolder()
        let backStore = try ProgressStore(path: back.file("progress.sqlite"))
        let imported = try AnkiImporter.importFile(
            folder.file("out.apkg"), options: AnkiImportOptions(decksDirectory: back.file("decks")), store: backStore)
        #expect(imported.reviews == 0)
        #expect(try backStore.item(ItemRef(deckID: "hailsham", key: "narrator"))?.state.phase == .new)
    }

    @Test("--format text writes Anki's text format, which imports back to the same cards")
    func text() throws {
        let folder = TemporaryFolder()
        let (deck, store, _) = try Self.sample(in: folder)
        let summary = try AnkiExporter.export(
            [deck], store: store, to: folder.file("notes.txt"), options: AnkiExportOptions(format: .text))
        #expect(summary.notes == 5)
        let text = try String(contentsOfFile: folder.file("notes.txt"), encoding: .utf8)
        #expect(
            text.hasPrefix(
                "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:10\n"))
        #expect(
            text.contains(
                "recall:hailsham/narrator\trecall Basic (and reversed card)\tLit::Hailsham\tWho narrates &lt;the&gt; novel?\tKathy H.<br>A carer"
            ))
        let back = TemporaryFolder()
        _ = try AnkiImporter.importFile(
            folder.file("notes.txt"), options: AnkiImportOptions(decksDirectory: back.file("decks")), store: nil)
        let again = try #require(DeckLoader.load(file: back.file("decks/hailsham.json")).deck)
        #expect(again.cards.map(\.id) == deck.cards.map(\.id))
        #expect(again.cards[0].content == deck.cards[0].content)
        #expect(again.cards[1].content == deck.cards[1].content)
        #expect(again.cards[4].content == deck.cards[4].content)
    }

    @Test("a damaged value in the review log fails the export and leaves the old package as it was")
    func damagedLog() throws {
        let folder = TemporaryFolder()
        let (deck, store, _) = try Self.sample(in: folder)
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder.file("out/deck.apkg")))
        let queue = try DatabaseQueue(path: folder.file("progress.sqlite"))
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER review_append_only; DROP TRIGGER review_states_sync_only")
            try db.execute(sql: "UPDATE review SET before_phase = 'lrn' WHERE id = 3")
        }
        try queue.close()
        #expect {
            _ = try AnkiExporter.export([deck], store: store, to: folder.file("out/deck.apkg"))
        } throws: { error in
            "\(error)".contains("unknown card phase")
        }
        #expect(folder.listing("out") == ["deck.apkg"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("out/deck.apkg"))) == Data("old".utf8))
    }

    @Test("deck text becomes HTML: &, < and > escaped, line breaks as <br>, media markers as media")
    func fieldHTML() {
        #expect(ExportedNote.html("plain text, café", media: ["a.png"]) == "plain text, café")
        #expect(
            ExportedNote.html("a < b && c > d\nnext line — ünïcode", media: [])
                == "a &lt; b &amp;&amp; c &gt; d<br>next line — ünïcode")
        #expect(ExportedNote.html("<b>&amp;</b>", media: []) == "&lt;b&gt;&amp;amp;&lt;/b&gt;")
        #expect(
            ExportedNote.html("see (image: R&D.png)\n(sound: a.mp3) (image: other.png)", media: ["R&D.png", "a.mp3"])
                == "see <img src=\"R&amp;D.png\"><br>[sound:a.mp3] (image: other.png)")
        #expect(ExportedNote.html("(image: a.png)", media: []) == "(image: a.png)")
    }

    @Test("past the zip writer's limits the package goes through ZIPFoundation, and reads the same")
    func largePackagePath() throws {
        let folder = TemporaryFolder()
        let (deck, store, reviews) = try Self.sample(in: folder)
        try FileManager.default.createDirectory(
            atPath: folder.file("decks/hailsham.media"), withIntermediateDirectories: true)
        try Data("GIF89a".utf8).write(to: URL(fileURLWithPath: folder.file("decks/hailsham.media/pic.gif")))
        for limit in [ZipWriter.byteLimit, 0] {
            var options = AnkiExportOptions()
            options.fastZipByteLimit = limit
            let out = folder.file("out-\(limit).apkg")
            let summary = try AnkiExporter.export([deck], store: store, to: out, options: options)
            #expect(summary.media == 1)
            let archive = try Archive(url: URL(fileURLWithPath: out), accessMode: .read)
            #expect(archive.map(\.path) == ["meta", "collection.anki21", "0", "media"])
            for (name, contents) in [("0", "GIF89a"), ("media", #"{"0":"pic.gif"}"#)] {
                var data = Data()
                _ = try archive.extract(try #require(archive[name])) { data.append($0) }
                #expect(String(decoding: data, as: UTF8.self) == contents)
            }
            let back = TemporaryFolder()
            let backStore = try ProgressStore(path: back.file("progress.sqlite"))
            let imported = try AnkiImporter.importFile(
                out, options: AnkiImportOptions(decksDirectory: back.file("decks")), store: backStore)
            #expect(imported.notes == 5)
            #expect(imported.reviews == reviews)
        }
    }
}
