import Foundation
import Testing

/// `recall log` as a user runs it.
@Suite struct LogCommandTests {
    /// A sandbox whose store has two answers in deck "plot" and one in deck "cast".
    private static func sandboxWithAnswers() throws -> (REPLSandbox, String) {
        let sandbox = try REPLSandbox()
        let store = sandbox.path("progress.sqlite")
        for (deck, count) in [("plot", 2), ("cast", 1)] {
            let run = try sandbox.pipe(
                [
                    "debug", "record-answer", "--store", store, "--deck", deck, "--card", "x#c1", "--count",
                    String(count),
                    "--rating", deck == "plot" ? "4" : "1",
                ],
                input: "")
            #expect(run.status == 0)
        }
        return (sandbox, store)
    }

    @Test func exportsTheHistoryInReplaysLayout() throws {
        let (sandbox, store) = try Self.sandboxWithAnswers()
        let run = try sandbox.pipe(["log", "--store", store, "--csv"], input: "")
        #expect(run.status == 0)
        #expect(run.errors == "")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "card_id,review_time,rating,deck_id,item_key,kind,duration_ms")
        #expect(lines.count == 4)
        let fields = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(fields.map { $0[0] } == ["plot/x#c1", "plot/x#c1", "cast/x#c1"])
        #expect(fields.map { $0[2] } == ["4", "4", "1"])
        #expect(fields.allSatisfy { $0.count == 7 && $0[1].hasSuffix("Z") && $0[1].count == 24 && $0[5] == "study" })
    }

    @Test func aUserCanReplayTheirOwnHistory() throws {
        let (sandbox, store) = try Self.sandboxWithAnswers()
        let export = try sandbox.pipe(["log", "--store", store], input: "")
        let file = try sandbox.write(export.output, to: "history.csv")
        let replay = try sandbox.pipe(["replay", file], input: "")
        #expect(replay.status == 0, "\(replay.errors)")
        let rows = replay.output.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(
            rows.dropFirst().map { $0.split(separator: ",").first.map(String.init) } == [
                "plot/x#c1", "plot/x#c1", "cast/x#c1",
            ])
    }

    @Test func filtersByDeckAndDate() throws {
        let (sandbox, store) = try Self.sandboxWithAnswers()
        let plot = try sandbox.pipe(["log", "--store", store, "--deck", "plot"], input: "")
        #expect(plot.output.split(separator: "\n").count == 3)
        let both = try sandbox.pipe(["log", "--store", store, "--deck", "plot", "--deck", "cast"], input: "")
        #expect(both.output.split(separator: "\n").count == 4)
        let future = try sandbox.pipe(["log", "--store", store, "--since", "2999-01-01"], input: "")
        #expect(future.output == "card_id,review_time,rating,deck_id,item_key,kind,duration_ms\n")
        let past = try sandbox.pipe(["log", "--store", store, "--since", "2000-01-01T00:00:00Z"], input: "")
        #expect(past.output.split(separator: "\n").count == 4)
    }

    @Test func aBadDateIsAUsageError() throws {
        let sandbox = try REPLSandbox()
        let run = try sandbox.pipe(["log", "--store", sandbox.path("p.sqlite"), "--since", "last tuesday"], input: "")
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(
            run.errors.hasPrefix(
                "error: the value 'last tuesday' is invalid for '--since <date>': expected YYYY-MM-DD or an ISO 8601 "
                    + "time with offset, such as 2026-11-21T09:30:00Z\nusage: recall log "))
    }
}
