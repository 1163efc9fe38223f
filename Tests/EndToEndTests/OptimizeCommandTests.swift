import Foundation
import Testing

/// `recall optimize` as a user runs it.
@Suite struct OptimizeCommandTests {
    /// A history simulated from known non-default parameters (8 000 reviews, 800 cards).
    static let simulated = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OptimizerTests/Fixtures/simulated-b.csv").path

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func fitsACSVHistoryAndPrintsTheReportAsJSON() throws {
        let sandbox = try REPLSandbox()
        let run = try sandbox.pipe(
            ["optimize", "--csv", Self.simulated, "--json"], input: "", environment: ["TZ": "UTC"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors == "")
        let report = try Self.json(run.output)
        #expect(Set(report.keys) == ["reviews", "items", "parameters", "log_loss", "rmse_bins", "applied"])
        #expect(report["reviews"] as? Int == 8_000)
        #expect(report["items"] as? Int == 6_293)
        #expect((report["parameters"] as? [Double])?.count == 21)
        let loss = try #require(report["log_loss"] as? [String: Double])
        let rmse = try #require(report["rmse_bins"] as? [String: Double])
        #expect(Set(loss.keys) == ["current", "fitted"] && Set(rmse.keys) == ["current", "fitted"])
        #expect(try #require(loss["fitted"]) < (try #require(loss["current"])))
        #expect(report["applied"] as? Bool == false)
        // No store is needed or made for a CSV history.
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("data/recall")))
    }

    @Test func printsAReadableReport() throws {
        let sandbox = try REPLSandbox()
        let csv = try String(contentsOfFile: Self.simulated, encoding: .utf8)
        let run = try sandbox.pipe(["optimize", "--csv", "-"], input: csv, environment: ["TZ": "UTC"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "History: 8 000 reviews from standard input, 6 293 items (4 590 trained on)")
        #expect(lines.contains("Parameters"))
        #expect(lines.contains { $0.hasPrefix("log loss") } && lines.contains { $0.hasPrefix("RMSE(bins)") })
        #expect(lines.contains("Not applied: run again with --apply to use them."))
    }

    @Test func aMalformedRowIsReportedWithItsLine() throws {
        let sandbox = try REPLSandbox()
        let file = try sandbox.write(
            "card_id,review_time,rating\na,2024-01-01T09:00:00Z,3\na,yesterday,3\n", to: "h.csv")
        let run = try sandbox.pipe(["optimize", "--csv", file], input: "")
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("\(file):3: error: review_time \"yesterday\" is not an ISO 8601 date and time"))
    }

    @Test func anEmptyHistoryIsAnError() throws {
        let sandbox = try REPLSandbox()
        let empty = try sandbox.pipe(["optimize", "--csv", "-"], input: "card_id,review_time,rating\n")
        #expect(empty.status == 1)
        #expect(empty.errors == "error: <stdin> has no reviews: nothing to learn from\n")
        let sameDay = try sandbox.pipe(
            ["optimize", "--csv", "-"],
            input: "card_id,review_time,rating\na,2024-01-01T09:00:00Z,1\na,2024-01-01T09:10:00Z,3\n")
        #expect(sameDay.status == 1)
        #expect(sameDay.errors.hasPrefix("error: nothing to learn from: FSRS learns from reviews on a later day"))
        let noStore = try sandbox.pipe(["optimize", "--store", sandbox.path("none.sqlite")], input: "")
        #expect(noStore.status == 1)
        #expect(noStore.errors.hasPrefix("error: there is no review history yet"))
        let applyWithoutStore = try sandbox.pipe(
            ["optimize", "--apply", "--store", sandbox.path("none.sqlite")], input: "")
        #expect(applyWithoutStore.status == 1)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("none.sqlite")))
    }

    @Test func unknownDecksAndBadOptionsAreUsageErrors() throws {
        let sandbox = try REPLSandbox()
        let store = sandbox.path("progress.sqlite")
        let record = try sandbox.pipe(
            ["debug", "record-answer", "--store", store, "--deck", "plot", "--card", "x"], input: "")
        #expect(record.status == 0)
        let unknown = try sandbox.pipe(["optimize", "plto", "--store", store], input: "")
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("error: no deck \"plto\" (did you mean \"plot\"?)\nusage: recall optimize "))
        let option = try sandbox.pipe(["optimize", "--fast"], input: "")
        #expect(option.status == 2)
        // Studied, but only today: nothing to learn from yet.
        let young = try sandbox.pipe(["optimize", "plot", "--store", store], input: "")
        #expect(young.status == 1)
        #expect(young.errors.hasPrefix("error: nothing to learn from"))
    }

    @Test func applySavesTheParametersAndRecomputesMemoryStates() throws {
        let sandbox = try REPLSandbox()
        let decks = sandbox.path("decks")
        try sandbox.write(REPLFixtures.sampleDeck, to: "decks/sample.json")
        let store = sandbox.path("progress.sqlite")
        let options = ["--decks", decks, "--store", store]
        let record = try sandbox.pipe(
            ["debug", "record-history", Self.simulated, "--deck", "sample", "--store", store], input: "")
        #expect(record.status == 0, "\(record.errors)")
        #expect(record.output == "ok 8000\n")

        let first = try sandbox.pipe(
            ["optimize", "sample", "--apply"] + options, input: "", environment: ["TZ": "UTC"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasPrefix("History: 8 000 reviews from sample, 6 293 items"))
        let applied = try #require(first.output.split(separator: "\n").last.map(String.init))
        #expect(
            applied.hasPrefix(
                "Applied to deck sample: scheduling uses them from the next answer; 800 memory states recomputed"))

        let settings = try sandbox.pipe(["settings", "sample"] + options, input: "")
        #expect(settings.status == 0)
        let shown = try #require(
            settings.output.split(separator: "\n").first { $0.hasPrefix("FSRS parameters of sample: ") })
        #expect(shown.split(separator: ",").count == 21)

        // Fitted again on the same history, the saved parameters are the current ones, and a
        // fit no better than them is not applied.
        let again = try sandbox.pipe(
            ["optimize", "sample", "--apply", "--json"] + options, input: "", environment: ["TZ": "UTC"])
        #expect(again.status == 0, "\(again.errors)")
        let report = try Self.json(again.output)
        let loss = try #require(report["log_loss"] as? [String: Double])
        #expect(loss["current"] == loss["fitted"])
        #expect(report["applied"] as? Bool == false)
        let text = try sandbox.pipe(["optimize", "sample"] + options, input: "", environment: ["TZ": "UTC"])
        #expect(
            text.output.contains(
                "Not applied: the fitted parameters predict this history no better than the current ones"))
    }

    @Test func worksAtThePrompt() throws {
        let sandbox = try REPLSandbox()
        let run = try sandbox.pipe(
            ["--store", sandbox.path("p.sqlite")], input: "optimize --csv \(Self.simulated) --json\nquit\n",
            environment: ["TZ": "UTC"])
        #expect(run.output.contains("\"items\" : 6293"))
    }
}
