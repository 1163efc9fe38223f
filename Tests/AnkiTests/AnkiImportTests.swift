import Decks
import Foundation
import Progress
import Scheduling
import Testing

@testable import Anki

@Suite("Anki import")
struct AnkiImportTests {
    @Test(
        "the latest, legacy and colpkg packages import the same decks, history and states",
        arguments: [
            "latest.apkg", "legacy.apkg", "collection.colpkg",
        ])
    func packages(name: String) throws {
        let folder = TemporaryFolder()
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        let summary = try AnkiImporter.importFile(
            fixture(name), options: AnkiImportOptions(decksDirectory: folder.file("decks")), store: store)
        let expected = try ExpectedCollection.load()
        #expect(summary.decks == 2)
        #expect(summary.notes == 9)
        // Basic 1, reversed 2, optional reversed 2 + 1, typed 1, cloze 2, media 1, quote 1, suspended 1.
        #expect(summary.items == 12)
        #expect(summary.reviews == expected.revlog.filter { (1...4).contains($0.ease) }.count)
        #expect(
            summary.skipped["review-log rows of manual changes and reschedules"]
                == expected.revlog.filter { $0.ease == 0 }.count)
        #expect(summary.media == 2)
        #expect(summary.warnings.contains { $0.contains("\"Quote\"") })
        #expect(
            folder.listing("decks") == [".recall-anki-imports", "lit-novel-part-1.json", "vocab.json", "vocab.media"])
        #expect(folder.listing("decks/vocab.media") == ["hello.mp3", "pic.png"])

        let lit = try #require(DeckLoader.load(file: folder.file("decks/lit-novel-part-1.json")).deck)
        #expect(lit.title == "Lit › Novel › Part 1")
        let vocab = try #require(DeckLoader.load(file: folder.file("decks/vocab.json")).deck)
        let texts = (lit.cards + vocab.cards).map(\.content)
        #expect(texts.contains(.basic(front: "Who narrates the novel?", back: "Kathy H.\na carer", reverse: false)))
        #expect(texts.contains(.basic(front: "Hailsham", back: "the school & its grounds", reverse: true)))
        #expect(texts.contains(.basic(front: "Norfolk", back: "lost corner\nof England", reverse: true)))
        #expect(texts.contains(.basic(front: "Madame", back: "the gallery", reverse: false)))
        #expect(texts.contains(.typed(prompt: "Kathy's closest friend?", answers: ["Ruth"])))
        #expect(texts.contains(.cloze(text: "{{c1::Kathy}}, {{c2::Ruth::a friend}} and {{c1::Tommy}} 's story")))
        #expect(
            texts.contains(
                .basic(
                    front: "A picture: (image: pic.png) and a sound (sound: hello.mp3)", back: "media", reverse: false))
        )
        #expect(texts.contains(.basic(front: "Memories fade", back: "Kazuo Ishiguro\n2005", reverse: false)))
        let narrator = try #require(lit.cards.first { $0.content.typeName == "basic" && $0.tags.contains("part-one") })
        #expect(narrator.tags == ["narrator", "part-one"])
        #expect(lit.cards.first { $0.content.typeName == "cloze" }?.explanation == "from chapter 1")

        // States.
        let basic = try #require(try store.item(ItemRef(deckID: "lit-novel-part-1", key: narrator.id)))
        let anki = try #require(expected.cards.first { $0.type == 2 && $0.lapses == 0 })
        #expect(basic.state.phase == .review)
        #expect(basic.state.due == Date(timeIntervalSince1970: Double(expected.crt + anki.due * 86_400)))
        #expect(basic.state.stability == 165.7065)
        #expect(basic.state.difficulty == 3.655)
        #expect(basic.state.reps == anki.reps)
        let suspended = try #require(
            vocab.cards.first { $0.content == .basic(front: "suspended front", back: "suspended back", reverse: false) }
        )
        #expect(try store.item(ItemRef(deckID: "vocab", key: suspended.id))?.suspended == true)
        let typed = try #require(lit.cards.first { $0.content.typeName == "typed" })
        let typedState = try #require(try store.item(ItemRef(deckID: "lit-novel-part-1", key: typed.id))).state
        #expect(typedState.phase == .learning)
        #expect(typedState.step == 1)

        // Settings from the deck options.
        let settings = try store.settings(for: "lit-novel-part-1")
        #expect(settings.scheduler.desiredRetention == 0.85)
        #expect(settings.scheduler.parameters?.count == 21)
        #expect(try store.reviewCount() == summary.reviews)
    }

    @Test("importing the same package again updates the cards: no duplicates, progress kept")
    func reimport() throws {
        let folder = TemporaryFolder()
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        let options = AnkiImportOptions(decksDirectory: folder.file("decks"))
        let first = try AnkiImporter.importFile(fixture("latest.apkg"), options: options, store: store)
        let second = try AnkiImporter.importFile(fixture("latest.apkg"), options: options, store: store)
        #expect(first.reviews > 0)
        #expect(second.reviews == 0)
        #expect(second.notes == first.notes)
        #expect(try store.reviewCount() == first.reviews)
    }

    @Test("genanki packages (collection.anki2) import")
    func genanki() throws {
        let folder = TemporaryFolder()
        let store = try ProgressStore(path: folder.file("progress.sqlite"))
        let summary = try AnkiImporter.importFile(
            fixture("genanki.apkg"), options: AnkiImportOptions(decksDirectory: folder.file("decks")), store: store)
        #expect(summary.decks == 1)
        #expect(summary.notes == 4)
        #expect(summary.items == 6)
        #expect(summary.media == 1)
        let deck = try #require(DeckLoader.load(file: folder.file("decks/genanki-capitals.json")).deck)
        #expect(deck.title == "Genanki › Capitals")
        #expect(deck.cards.map(\.content).contains(.cloze(text: "{{c1::Rome}} is in {{c2::Italy}}")))
        #expect(deck.cards.first?.tags == ["geo-europe"])
    }

    @Test("Anki's text export imports, with its headers")
    func textExport() throws {
        let folder = TemporaryFolder()
        let summary = try AnkiImporter.importFile(
            fixture("notes.txt"), options: AnkiImportOptions(decksDirectory: folder.file("decks")), store: nil)
        #expect(summary.decks == 2)
        #expect(summary.notes == 9)
        #expect(summary.items == 12)
        #expect(summary.reviews == 0)
        let package = TemporaryFolder()
        let store = try ProgressStore(path: package.file("progress.sqlite"))
        _ = try AnkiImporter.importFile(
            fixture("latest.apkg"), options: AnkiImportOptions(decksDirectory: package.file("decks")), store: store)
        // Same guids, same card ids, same cards as from the package.
        for name in ["lit-novel-part-1.json", "vocab.json"] {
            let fromText = try #require(DeckLoader.load(file: folder.file("decks/" + name)).deck)
            let fromPackage = try #require(DeckLoader.load(file: package.file("decks/" + name)).deck)
            #expect(fromText.cards.map(\.id) == fromPackage.cards.map(\.id))
            #expect(fromText.cards.map(\.content) == fromPackage.cards.map(\.content))
        }
    }
}
