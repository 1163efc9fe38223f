import Foundation

/// `recall-bench check [--cards N] [--runs N]`: generates a seeded deck of 100 000 cards
/// of every type with realistic text lengths in `bench-data/`, then times the release
/// `recall check FILE` against `python3 -c "import json,sys; json.load(open(sys.argv[1]))"`
/// on the same file: median wall time and peak memory (max RSS) of each, and the ratios.
func runCheckBenchmark(_ arguments: [String]) throws {
    var cards = 100_000
    var runs = 5
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        switch argument {
        case "--cards": cards = iterator.next().flatMap(Int.init) ?? cards
        case "--runs": runs = iterator.next().flatMap(Int.init) ?? runs
        default: throw CheckBenchmarkError.usage("usage: recall-bench check [--cards N] [--runs N]")
        }
    }
    let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-data")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("check-\(cards).json").path
    let deck = CheckBenchmarkDeck.generate(cards: cards, seed: 20_261_121)
    try Data(deck).write(to: URL(fileURLWithPath: file))
    print("generated \(file): \(cards) cards, \(String(format: "%.1f", Double(deck.count) / 1_048_576)) MiB")

    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("recall").path
    guard FileManager.default.isExecutableFile(atPath: recall) else {
        throw CheckBenchmarkError.usage("no recall binary next to recall-bench: run `swift build -c release` first")
    }
    let recallRuns = try (0..<runs).map { _ in
        try CheckBenchmarkProcess.measure([recall, "check", file], expectingStatus: 0)
    }
    let pythonRuns = try (0..<runs).map { _ in
        try CheckBenchmarkProcess.measure(
            ["/usr/bin/env", "python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", file], expectingStatus: 0
        )
    }
    let recallTime = checkMedian(recallRuns.map(\.seconds))
    let pythonTime = checkMedian(pythonRuns.map(\.seconds))
    let recallCPU = checkMedian(recallRuns.map(\.cpuSeconds))
    let pythonCPU = checkMedian(pythonRuns.map(\.cpuSeconds))
    let recallMemory = recallRuns.map(\.maxResidentMiB).max() ?? 0
    let pythonMemory = pythonRuns.map(\.maxResidentMiB).max() ?? 0
    print("runs: \(runs) each; medians of wall and CPU (user+system) time; peak memory (max RSS)")
    print("                    wall      CPU    memory")
    print(String(format: "recall check:      %6.3f s %6.3f s %6.1f MiB", recallTime, recallCPU, recallMemory))
    print(String(format: "python3 json.load: %6.3f s %6.3f s %6.1f MiB", pythonTime, pythonCPU, pythonMemory))
    print(
        String(
            format: "ratio recall/python: wall %.2fx, CPU %.2fx, memory %.2fx", recallTime / pythonTime,
            recallCPU / pythonCPU, recallMemory / pythonMemory))
    let megabytes = recallMemory * 1.048576
    print(
        "targets: within 2x of python's wall time: \(recallTime <= 2 * pythonTime ? "met" : "MISSED"); "
            + "under 150 MB: \(megabytes < 150 ? "met" : "MISSED") (\(Int(megabytes.rounded())) MB)")
}

/// A usage or set-up problem of a benchmark.
enum CheckBenchmarkError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let message), .failed(let message): message
        }
    }
}

private func checkMedian(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
