// recall-bench: release-mode benchmarks. Run `make bench` or
// `swift run -c release recall-bench NAME [options]`; `recall-bench` alone lists them.
import Foundation

let benchmarks: [(name: String, summary: String, run: ([String]) throws -> Void)] = [
    ("check", "generate a 100 000-card deck and time `recall check` against Python's json.load", runCheckBenchmark),
    ("replay", "replay 1 000 000 reviews over 100 000 cards against py-fsrs", runReplayBenchmark),
    ("store", "open a 100 000-card / 1 000 000-review store, build the queue, commit answers", runStoreBenchmark),
    ("repl", "launch to first prompt and answer to next card, on the store benchmark's big store", runREPLBenchmark),
    ("stats", "time `recall stats` on a 100 000-card / 1 000 000-review store", runStatsBenchmark),
    (
        "optimize", "fit FSRS-6 with `recall optimize --csv` against fsrs-rs-python (real log, 1 000 000 reviews)",
        runOptimizeBenchmark
    ),
    ("draft", "draft a deck from a generated 10 000-word summary (target: under 200 ms)", runDraftBenchmark),
    ("sync", "merge two devices' journals of 1 000 000 reviews each; an incremental sync of 100", runSyncBenchmark),
    (
        "sqlite-floor", "SQLite alone writing a sync merge's rows: STORE (a fresh store's copy) [ANSWERS] [ITEMS]",
        runSQLiteFloor
    ),
    (
        "anki", "recall import/export of a 50 000-note / 1 000 000-review Anki package against anki's own",
        runAnkiBenchmark
    ),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let bench = benchmarks.first(where: { $0.name == name }) else {
    print("usage: recall-bench NAME [options]\n")
    for bench in benchmarks {
        print("  \(bench.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(bench.summary)")
    }
    exit(arguments.isEmpty ? 0 : 2)
}
do {
    try bench.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("recall-bench: \(error)\n".utf8))
    exit(1)
}
