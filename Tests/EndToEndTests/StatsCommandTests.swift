import Foundation
import Testing

/// `recall stats` as a user runs it, on a store built through `recall debug record-answer`.
@Suite struct StatsCommandTests {
    /// A sandbox whose store has, in deck "plot", card a answered easy (new → review) then
    /// good (a review recalled), and in deck "cast", card b answered easy then again (a lapse).
    private static func sandboxWithAnswers() throws -> (REPLSandbox, String) {
        let sandbox = try REPLSandbox()
        let store = sandbox.path("progress.sqlite")
        for (deck, card, rating) in [("plot", "a", 4), ("plot", "a", 3), ("cast", "b", 4), ("cast", "b", 1)] {
            let run = try sandbox.pipe(
                [
                    "debug", "record-answer", "--store", store, "--deck", deck, "--card", card, "--rating",
                    String(rating),
                ],
                input: "")
            #expect(run.status == 0, "\(run.errors)")
        }
        return (sandbox, store)
    }

    /// The JSON object `recall stats ARGS --json` printed.
    private static func json(_ sandbox: REPLSandbox, _ arguments: [String]) throws -> [String: Any] {
        let run = try sandbox.pipe(["stats", "--json"] + arguments, input: "")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors == "")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    }

    @Test func jsonHasTheExactFigures() throws {
        let (sandbox, store) = try Self.sandboxWithAnswers()
        let all = try Self.json(sandbox, ["--store", store])
        #expect(all["reviews"] as? Int == 4)
        #expect(all["reviews_today"] as? Int == 4)
        #expect(all["streak_days"] as? Int == 1)
        #expect(all["longest_streak_days"] as? Int == 1)
        #expect(all["studied_today"] as? Bool == true)
        let retention = try #require(all["retention"] as? [String: Any])
        #expect(retention["7d"] as? Double == 0.5)
        #expect(retention["30d"] as? Double == 0.5)
        #expect(retention["all"] as? Double == 0.5)
        #expect(retention["desired"] as? Double == 0.9)
        #expect(all["leech_count"] as? Int == 0)
        #expect((all["heatmap"] as? [[String: Any]])?.last?["reviews"] as? Int == 4)
        #expect((all["forecast"] as? [Any])?.count == 30)

        let decks = try #require(all["decks"] as? [[String: Any]])
        let byID = Dictionary(decks.compactMap { deck in (deck["id"] as? String).map { ($0, deck) } }) { first, _ in
            first
        }
        // The bundled decks are listed too, every card new.
        #expect(byID.keys.contains("never-let-me-go-plot"))
        #expect(byID["never-let-me-go-plot"]?["reviews"] as? Int == 0)
        let plot = try #require(byID["plot"])
        #expect(plot["new"] as? Int == 0)
        #expect(plot["learning"] as? Int == 0)
        #expect(plot["review"] as? Int == 1)
        #expect(plot["due"] as? Int == 0)
        #expect(plot["reviews"] as? Int == 2)
        #expect((plot["retention"] as? [String: Any])?["all"] as? Double == 1)
        // cast's card lapsed: relearning, due in 10 minutes (today), with 1 lapse.
        let cast = try #require(byID["cast"])
        #expect(cast["learning"] as? Int == 1)
        #expect(cast["relearning"] as? Int == 1)
        #expect(cast["review"] as? Int == 0)
        #expect(cast["due"] as? Int == 1)
        #expect(cast["due_now"] as? Int == 0)
        #expect((cast["retention"] as? [String: Any])?["all"] as? Double == 0)

        let one = try Self.json(sandbox, ["cast", "--store", store])
        #expect((one["decks"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["cast"])
        #expect(one["reviews"] as? Int == 2)
        #expect((one["hardest"] as? [[String: Any]])?.map { $0["key"] as? String } == ["b"])
        #expect((one["hardest"] as? [[String: Any]])?.first?["prompt"] is NSNull)
    }

    @Test func theScreenReadsWithoutColour() throws {
        let (sandbox, store) = try Self.sandboxWithAnswers()
        let run = try sandbox.pipe(["stats", "plot", "--store", store], input: "", environment: ["NO_COLOR": "1"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.output.contains("\u{1B}"))
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("Statistics · deck plot · "))
        #expect(lines.contains("plot    0         0       1          0          0         0"))
        #expect(lines.contains("Streak: 1 day, studied today · longest 1 day"))
        #expect(lines.contains { $0.hasPrefix("Reviews per day, last 26 weeks: 2 answers on 1 day") })
        #expect(lines.contains { $0.hasPrefix("Less · ░ ▒ ▓ █ More") })
        #expect(lines.contains("Leeches (8 or more lapses): none"))
    }

    @Test func withoutAStoreEveryCardIsNew() throws {
        let sandbox = try REPLSandbox()
        let path = sandbox.path("none/progress.sqlite")
        let object = try Self.json(sandbox, ["--store", path])
        #expect(object["reviews"] as? Int == 0)
        #expect(object["streak_days"] as? Int == 0)
        #expect((object["retention"] as? [String: Any])?["all"] is NSNull)
        #expect((object["new"] as? Int ?? 0) > 200)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anUnknownDeckIsAUsageError() throws {
        let (sandbox, store) = try Self.sandboxWithAnswers()
        let run = try sandbox.pipe(["stats", "plto", "--store", store], input: "")
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("error: no deck \"plto\" (did you mean \"plot\"?)\nusage: recall stats "))
    }

    @Test func aBadStoreFailsWithTheStoresError() throws {
        let sandbox = try REPLSandbox()
        let path = try sandbox.write("not a database, just text\n", to: "progress.sqlite")
        let run = try sandbox.pipe(["stats", "--store", path], input: "")
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(
            run.errors == "error: cannot open progress store \(path): it is not a recall progress store "
                + "(file is not a database); move it aside or pass another path with --store\n")
    }
}
