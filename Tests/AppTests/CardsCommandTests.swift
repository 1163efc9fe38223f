import Foundation
import Progress
import Scheduling
import Terminal
import Testing

@testable import App

/// `cards` on a fixed history: a deck in a temporary folder, a store with answers at fixed
/// times, a fixed clock.
@Suite struct CardsCommandTests {
    static let deck = """
        {"format": 1, "id": "sample", "title": "Sample", "description": "D", "tags": ["test"], "sources": [],
         "cards": [
          {"id": "b", "type": "basic", "front": "Who narrates?", "back": "Kathy H.", "reverse": true, "tags": ["people"]},
          {"id": "t", "type": "typed", "prompt": "Which school?", "answers": ["Hailsham"]},
          {"id": "z", "type": "cloze", "text": "{{c1::Kathy}} and {{c2::Tommy}} visit the boat."}
         ]}
        """
    /// 2026-11-21T09:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_795_251_600)

    /// Runs `words` with the fixed history; returns the status, the output and the errors.
    static func run(_ words: [String]) throws -> (status: Int32, output: String, errors: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-cards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try deck.write(to: folder.appendingPathComponent("sample.json"), atomically: true, encoding: .utf8)
        let storePath = folder.appendingPathComponent("progress.sqlite").path
        do {
            let output = CapturedOutput()
            let context = CommandContext(
                console: Console(
                    reader: ScriptedLineReader(lines: [], output: output), output: output, errors: output,
                    style: .plain,
                    wrapper: TextWrapper(width: 80)),
                deckDirectories: [folder.path], storeOption: storePath)
            let store = try ProgressStore(path: storePath)
            _ = try store.sync(try #require(context.library.decks.first { $0.id == "sample" }), at: start)
            let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
            func answer(_ key: String, _ rating: Rating, at minutes: Double) throws {
                let ref = ItemRef(deckID: "sample", key: key)
                let time = start.addingTimeInterval(minutes * 60)
                let before = try #require(try store.item(ref)).state
                _ = try store.record(
                    .study(
                        ref, rating: rating, at: time, before: before,
                        after: scheduler.review(before, rating: rating, at: time)))
            }
            try answer("b", .good, at: 0)
            try answer("b", .good, at: 10)
            try answer("b#reverse", .again, at: 1)
            try answer("t", .easy, at: 2)
            try answer("z#c1", .good, at: 3)
            try store.suspend(ItemRef(deckID: "sample", key: "z#c1"))
            try store.bury(ItemRef(deckID: "sample", key: "t"), until: start.addingTimeInterval(86_400))
        }
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let context = CommandContext(
            console: Console(
                reader: ScriptedLineReader(lines: [], output: output), output: output, errors: errors, style: .plain,
                wrapper: TextWrapper(width: 100)),
            deckDirectories: [folder.path], storeOption: storePath, clock: { start.addingTimeInterval(3_600) })
        let status = CommandRunner.run(words, in: context, atPrompt: false)
        return (status, output.text, errors.text)
    }

    @Test func jsonIsExact() throws {
        let run = try Self.run(["cards", "sample", "--json"])
        #expect(run.errors == "")
        #expect(run.status == 0)
        #expect(
            run.output == """
                [
                  {
                    "buried" : false,
                    "card" : "b",
                    "deck" : "sample",
                    "difficulty" : 2.111214,
                    "due" : "2026-11-23T09:10:00Z",
                    "item" : "b",
                    "lapses" : 0,
                    "prompt" : "Who narrates?",
                    "reps" : 2,
                    "stability" : 2.3065,
                    "state" : "review",
                    "suspended" : false,
                    "type" : "basic"
                  },
                  {
                    "buried" : false,
                    "card" : "b",
                    "deck" : "sample",
                    "difficulty" : 6.4133,
                    "due" : "2026-11-21T09:02:00Z",
                    "item" : "b#reverse",
                    "lapses" : 0,
                    "prompt" : "Kathy H.",
                    "reps" : 1,
                    "stability" : 0.212,
                    "state" : "learning",
                    "suspended" : false,
                    "type" : "basic"
                  },
                  {
                    "buried" : true,
                    "card" : "t",
                    "deck" : "sample",
                    "difficulty" : 1,
                    "due" : "2026-11-29T09:02:00Z",
                    "item" : "t",
                    "lapses" : 0,
                    "prompt" : "Which school?",
                    "reps" : 1,
                    "stability" : 8.2956,
                    "state" : "review",
                    "suspended" : false,
                    "type" : "typed"
                  },
                  {
                    "buried" : false,
                    "card" : "z",
                    "deck" : "sample",
                    "difficulty" : 2.118104,
                    "due" : "2026-11-21T09:13:00Z",
                    "item" : "z#c1",
                    "lapses" : 0,
                    "prompt" : "[...] and Tommy visit the boat.",
                    "reps" : 1,
                    "stability" : 2.3065,
                    "state" : "learning",
                    "suspended" : true,
                    "type" : "cloze"
                  },
                  {
                    "buried" : false,
                    "card" : "z",
                    "deck" : "sample",
                    "difficulty" : null,
                    "due" : null,
                    "item" : "z#c2",
                    "lapses" : 0,
                    "prompt" : "Kathy and [...] visit the boat.",
                    "reps" : 0,
                    "stability" : null,
                    "state" : "new",
                    "suspended" : false,
                    "type" : "cloze"
                  }
                ]

                """)
    }

    @Test func filtersByStateDueSearchAndTag() throws {
        func items(_ words: [String]) throws -> [String] {
            let run = try Self.run(["cards", "sample", "--json"] + words)
            #expect(run.status == 0, "\(words): \(run.errors)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["item"] as? String }
        }
        #expect(try items(["--state", "new"]) == ["z#c2"])
        #expect(try items(["--state", "learning"]) == ["b#reverse"])  // the suspended one is only suspended
        #expect(try items(["--state", "suspended"]) == ["z#c1"])
        #expect(try items(["--state", "review", "--state", "new"]) == ["b", "t", "z#c2"])
        #expect(try items(["--due"]) == ["b#reverse"])  // t is buried, z#c1 suspended, b due in two days
        #expect(try items(["--search", "KATHY"]) == ["b", "b#reverse", "z#c1", "z#c2"])  // prompt or answer
        #expect(try items(["--search", "hailsham"]) == ["t"])
        #expect(try items(["--tag", "people"]) == ["b", "b#reverse"])
    }

    @Test func theTableShowsEveryColumn() throws {
        let run = try Self.run(["cards", "sample", "--state", "new"])
        #expect(run.status == 0)
        #expect(
            run.output == """
                DECK    CARD  ITEM  TYPE   STATE  DUE  STAB  DIFF  REPS  LAPSES  FLAGS  PROMPT
                sample  z     z#c2  cloze  new    -    -     -        0       0  -      Kathy and [...] visit the b…

                """)
    }

    @Test func badValuesAreUsageErrors() throws {
        let run = try Self.run(["cards", "sample", "--state", "due"])
        #expect(run.status == 2)
        #expect(
            run.errors.hasPrefix("error: the value 'due' is invalid for '--state <state>'. Please provide one of 'new'")
        )
        let unknown = try Self.run(["cards", "smaple"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("error: no deck \"smaple\" (did you mean \"sample\"?)\nusage: recall cards "))
    }
}
