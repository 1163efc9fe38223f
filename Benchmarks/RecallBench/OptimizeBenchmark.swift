import Foundation
import Optimizer
import Replay
import Scheduling

/// Fits FSRS-6 to two histories with the release `recall optimize --csv` (the whole process)
/// and with fsrs-rs-python 0.9.3's `compute_parameters` (Benchmarks/optimize_fsrs_rs.py, in the
/// venv `make fsrs-rs-venv` makes), comparing wall time, peak memory and the log loss of both
/// fits as fsrs-rs's `evaluate` scores them on the same items.
///
/// The histories: the shared real log (12 580 reviews) and a history of 1 000 000 reviews over
/// 100 000 cards simulated by tools/simulate_fsrs_history.py from non-default parameters
/// (generated once into `--data`). `recall optimize` runs `--runs` times (default 3) and the
/// fastest run counts; fsrs-rs once. `--stages` also times the library's stages in-process.
///
/// Options: `--runs N`, `--reviews N`, `--cards N`, `--no-python`, `--stages`, `--data DIR`.
func runOptimizeBenchmark(_ arguments: [String]) throws {
    var runs = 3
    var reviews = 1_000_000
    var cards = 100_000
    var runPython = true
    var stages = false
    var dataDirectory = "bench-data"
    var rest = arguments[...]
    while let option = rest.popFirst() {
        switch option {
        case "--runs": runs = try positive(rest.popFirst(), for: option)
        case "--reviews": reviews = try positive(rest.popFirst(), for: option)
        case "--cards": cards = try positive(rest.popFirst(), for: option)
        case "--no-python": runPython = false
        case "--stages": stages = true
        case "--data":
            dataDirectory = try rest.popFirst() ?? { throw OptimizeBenchmarkError("--data needs a directory") }()
        default:
            throw OptimizeBenchmarkError(
                "unknown option \(option) (options: --runs N --reviews N --cards N --no-python --stages --data DIR)")
        }
    }
    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    let simulated = "\(dataDirectory)/optimize-\(reviews)-\(cards).csv"
    if !FileManager.default.fileExists(atPath: simulated) {
        print("simulating \(simulated) …")
        let run = try MeasuredProcess.run(
            [
                "python3", "tools/simulate_fsrs_history.py", "--cards", "\(cards)", "--reviews", "\(reviews)", "--seed",
                "7", "--out", simulated,
            ],
            stdoutTo: "/dev/null")
        guard run.status == 0 else {
            throw OptimizeBenchmarkError("tools/simulate_fsrs_history.py exited with \(run.status)")
        }
    }
    let histories = [("real log", "Tests/ReplayTests/Fixtures/fsrs-test-revlogs.csv"), ("simulated", simulated)]
    let python = ".build/venv-fsrs/bin/python"
    if runPython && !FileManager.default.isExecutableFile(atPath: python) {
        print("fsrs-rs-python: SKIPPED (\(python) is missing: run `make fsrs-rs-venv`)")
        runPython = false
    }
    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "recall"
    ).path
    for (name, path) in histories {
        print("\n\(name): \(path)")
        if stages { try timeStages(path) }
        guard FileManager.default.isExecutableFile(atPath: recall) else {
            print("recall optimize: SKIPPED (\(recall) is missing: run `swift build -c release` first)")
            continue
        }
        let output = "\(dataDirectory)/optimize-recall.json"
        var measured: [MeasuredProcess] = []
        for _ in 0..<runs {
            let run = try MeasuredProcess.run(
                ["env", "TZ=UTC", recall, "optimize", "--csv", path, "--json"], stdoutTo: output)
            guard run.status == 0 else { throw OptimizeBenchmarkError("recall optimize exited with \(run.status)") }
            measured.append(run)
        }
        guard let fastest = measured.min(by: { $0.seconds < $1.seconds }) else { continue }
        let walls = measured.map { String(format: "%.3f", $0.seconds) }.joined(separator: ", ")
        print("recall optimize wall times: \(walls) s")
        printRun("recall optimize --csv (fastest of \(runs))", fastest)
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        let parameters = (report?["parameters"] as? [Double]) ?? []
        let logLoss = (report?["log_loss"] as? [String: Double])?["fitted"] ?? .nan
        print(
            String(format: "recall: %@ items, log loss %.5f (recall's evaluate)", "\(report?["items"] ?? "?")", logLoss)
        )
        guard runPython else { continue }
        let pythonOutput = "\(dataDirectory)/optimize-fsrs-rs.json"
        let argument = parameters.map { String($0) }.joined(separator: ",")
        let reference = try MeasuredProcess.run(
            [python, "Benchmarks/optimize_fsrs_rs.py", path, argument], stdoutTo: pythonOutput)
        guard reference.status == 0 else {
            throw OptimizeBenchmarkError("Benchmarks/optimize_fsrs_rs.py exited with \(reference.status)")
        }
        printRun("fsrs-rs-python 0.9.3 (whole script)", reference)
        let result =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pythonOutput)))
            as? [String: Any]
        let fitSeconds = (result?["compute_parameters_seconds"] as? Double) ?? .nan
        let theirLoss = (result?["log_loss"] as? Double) ?? .nan
        let ourLoss = ((result?["other"] as? [String: Any])?["log_loss"] as? Double) ?? .nan
        print(
            String(
                format: "fsrs-rs compute_parameters alone: %.3f s (items built in Python: %.3f s)", fitSeconds,
                (result?["prepare_seconds"] as? Double) ?? .nan))
        print(
            String(
                format: "log loss by fsrs-rs's evaluate: fsrs-rs fit %.5f, recall fit %.5f (%+.2f %%)", theirLoss,
                ourLoss,
                (ourLoss / theirLoss - 1) * 100))
        print(
            String(
                format:
                    "speed: recall's whole process %.1fx faster than compute_parameters alone, %.1fx than the whole script",
                fitSeconds / fastest.seconds, reference.seconds / fastest.seconds))
    }
}

/// Times the library's stages in this process.
private func timeStages(_ path: String) throws {
    func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    var t = now()
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let history = try ReviewHistory(csv: bytes, file: path)
    let parsed = now() - t
    t = now()
    let reviews = HistoryReview.markingEarliestPerCard(
        history.reviews.map { HistoryReview(card: $0.card, time: $0.time, rating: $0.rating, startsLearning: false) },
        cardCount: history.cardCount)
    let set = TrainingSet(
        reviews: reviews, cardCount: history.cardCount,
        clock: StudyDayClock(timeZone: TimeZone(identifier: "UTC") ?? .current))
    let built = now() - t
    t = now()
    let fit = FSRSOptimizer().fit(set)
    let fitted = now() - t
    t = now()
    _ = Evaluation.evaluate(fit.parameters, on: set)
    let evaluated = now() - t
    print(
        String(
            format: "stages: parse %.3f s, items %.3f s (%d), fit %.3f s (%d trained), evaluate %.3f s",
            parsed, built, set.items.count, fitted, fit.trainingItems, evaluated))
}

private func printRun(_ name: String, _ run: MeasuredProcess) {
    print(
        String(
            format: "%@: %.3f s wall, %.3f s CPU, %.0f MB peak RSS", name, run.seconds, run.cpuSeconds,
            Double(run.peakBytes) / 1_000_000))
}

private func positive(_ text: String?, for option: String) throws -> Int {
    guard let text, let value = Int(text), value > 0 else {
        throw OptimizeBenchmarkError("\(option) needs a positive whole number")
    }
    return value
}

/// A benchmark's usage or set-up problem.
private struct OptimizeBenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
