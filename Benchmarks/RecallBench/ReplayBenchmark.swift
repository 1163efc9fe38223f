import Foundation
import Scheduling

/// Replays a generated log of 1 000 000 reviews over 100 000 cards with the release
/// `recall replay`, and the same file with py-fsrs (Benchmarks/replay_pyfsrs.py), comparing
/// wall time, peak memory and output.
///
/// `recall replay` runs `--runs` times (default 5) and the fastest run counts (the machines are
/// shared, so the slower runs measure the neighbours); py-fsrs runs once.
///
/// Options: `--reviews N`, `--cards N` (the log's size), `--runs N`, `--python-reviews N` (time py-fsrs on
/// the first N reviews only and extrapolate linearly), `--no-python`, `--data DIR` (default
/// ./bench-data, where the log is generated once, deterministically, and outputs are kept).
func runReplayBenchmark(_ arguments: [String]) throws {
    var reviews = 1_000_000
    var cards = 100_000
    var pythonReviews: Int?
    var runPython = true
    var runs = 5
    var dataDirectory = "bench-data"
    var rest = arguments[...]
    while let option = rest.popFirst() {
        switch option {
        case "--reviews": reviews = try integer(rest.popFirst(), for: option)
        case "--cards": cards = try integer(rest.popFirst(), for: option)
        case "--python-reviews": pythonReviews = try integer(rest.popFirst(), for: option)
        case "--runs": runs = try integer(rest.popFirst(), for: option)
        case "--no-python": runPython = false
        case "--data":
            dataDirectory = try rest.popFirst() ?? { throw ReplayBenchmarkError("--data needs a directory") }()
        default:
            throw ReplayBenchmarkError(
                "unknown option \(option) (options: --reviews N --cards N --runs N --python-reviews N --no-python --data DIR)"
            )
        }
    }
    guard cards > 0, reviews >= cards else {
        throw ReplayBenchmarkError("need at least one card and one review per card")
    }

    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    let log = "\(dataDirectory)/replay-\(reviews)-\(cards).csv"
    if !FileManager.default.fileExists(atPath: log) {
        print("generating \(log) …")
        try ReplayLog.generate(reviews: reviews, cards: cards, seed: 2024).write(to: URL(fileURLWithPath: log))
    }
    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "recall"
    ).path
    guard FileManager.default.isExecutableFile(atPath: recall) else {
        throw ReplayBenchmarkError("\(recall) is missing: run `swift build -c release` first")
    }
    let size = (try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
    print("log: \(log), \(reviews) reviews over \(cards) cards, \(size / 1_000_000) MB")

    let swiftOutput = "\(dataDirectory)/replay-swift.csv"
    var swiftRuns: [MeasuredProcess] = []
    for _ in 0..<runs {
        let run = try MeasuredProcess.run([recall, "replay", log], stdoutTo: swiftOutput)
        guard run.status == 0 else { throw ReplayBenchmarkError("recall replay exited with \(run.status)") }
        swiftRuns.append(run)
    }
    let walls = swiftRuns.map(\.seconds).sorted()
    let cpus = swiftRuns.map(\.cpuSeconds).sorted()
    print("recall replay wall times: " + walls.map { String(format: "%.3f", $0) }.joined(separator: ", ") + " s")
    print(
        String(format: "recall replay medians: %.3f s wall, %.3f s CPU", walls[walls.count / 2], cpus[cpus.count / 2]))
    guard let swift = swiftRuns.min(by: { $0.seconds < $1.seconds }) else { return }
    report("recall replay (fastest of \(runs))", swift, reviews: reviews)
    guard runPython else { return }

    let pythonCount = min(pythonReviews ?? reviews, reviews)
    var pythonLog = log
    if pythonCount < reviews {
        pythonLog = "\(dataDirectory)/replay-\(reviews)-\(cards)-first-\(pythonCount).csv"
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n", maxSplits: pythonCount + 1)
        try (lines.prefix(pythonCount + 1).joined(separator: "\n") + "\n").write(
            toFile: pythonLog, atomically: true, encoding: .utf8)
    }
    let pythonOutput = "\(dataDirectory)/replay-pyfsrs.csv"
    let python = try MeasuredProcess.run(["python3", "Benchmarks/replay_pyfsrs.py", pythonLog], stdoutTo: pythonOutput)
    guard python.status == 0 else {
        throw ReplayBenchmarkError(
            "python3 Benchmarks/replay_pyfsrs.py exited with \(python.status) (is fsrs 6.3.2 installed?)")
    }
    let scale = Double(reviews) / Double(pythonCount)
    report(pythonCount < reviews ? "py-fsrs (first \(pythonCount))" : "py-fsrs 6.3.2", python, reviews: pythonCount)
    if pythonCount < reviews {
        print(String(format: "py-fsrs extrapolated to %d reviews: %.1f s", reviews, python.seconds * scale))
    }
    print(
        String(
            format: "speed-up: %.0fx wall, %.0fx CPU (py-fsrs%@ / recall)", python.seconds * scale / swift.seconds,
            python.cpuSeconds * scale / swift.cpuSeconds, pythonCount < reviews ? " extrapolated" : ""))
    if pythonCount == reviews {
        let same = FileManager.default.contentsEqual(atPath: swiftOutput, andPath: pythonOutput)
        print("outputs identical: \(same ? "yes" : "NO (diff \(swiftOutput) \(pythonOutput))")")
    }
}

private func report(_ name: String, _ run: MeasuredProcess, reviews: Int) {
    print(
        String(
            format: "%@: %.3f s wall, %.3f s CPU, %.0f MB peak RSS, %.0f reviews/s", name, run.seconds,
            run.cpuSeconds, Double(run.peakBytes) / 1_000_000, Double(reviews) / run.seconds))
}

private func integer(_ text: String?, for option: String) throws -> Int {
    guard let text, let value = Int(text), value > 0 else {
        throw ReplayBenchmarkError("\(option) needs a positive whole number")
    }
    return value
}

/// A benchmark's usage or set-up problem.
private struct ReplayBenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Generates a realistic review log: every card starts on a random day of 2023–2024 and is
/// reviewed around its FSRS due times (early, on time or late), with Anki-like ratings
/// (about 10 % again, 10 % hard, 70 % good, 10 % easy); rows are sorted by time, so cards
/// interleave as in a real export. py-fsrs's format: card_id,review_rating,review_time,review_duration.
private enum ReplayLog {
    static func generate(reviews: Int, cards: Int, seed: UInt64) throws -> Data {
        var random = SplitMix64(seed: seed)
        func unit() -> Double { Double(random.next() >> 11) * 0x1.0p-53 }
        let scheduler = try FSRS()
        let start = 1_672_531_200.0  // 2023-01-01T00:00:00Z
        var rows: [(time: Int64, card: Int, rating: Int, duration: Int)] = []
        rows.reserveCapacity(reviews)
        for card in 0..<cards {
            let count = reviews / cards + (card < reviews % cards ? 1 : 0)
            var now = Date(timeIntervalSince1970: start + (unit() * 730 * 86_400).rounded())
            var state = CardState.new(due: now)
            for _ in 0..<count {
                let pick = unit()
                let rating: Rating = pick < 0.1 ? .again : pick < 0.2 ? .hard : pick < 0.9 ? .good : .easy
                let microseconds = Int64((now.timeIntervalSince1970 * 1e6).rounded())
                rows.append((microseconds, card, rating.rawValue, 2_000 + Int(unit() * 20_000)))
                state = scheduler.review(state, rating: rating, at: now)
                let wait = state.due.timeIntervalSince(now)
                now = now.addingTimeInterval(wait * (0.5 + unit() * 1.5) + (unit() * 3_600 * 1e6).rounded() / 1e6)
            }
        }
        rows.sort { ($0.time, $0.card) < ($1.time, $1.card) }
        var bytes = Array("card_id,review_rating,review_time,review_duration\n".utf8)
        bytes.reserveCapacity(reviews * 64)
        for row in rows {
            bytes.append(contentsOf: String(1_700_000_000_000 + row.card).utf8)
            bytes.append(0x2C)
            bytes.append(UInt8(48 + row.rating))
            bytes.append(0x2C)
            let seconds = row.time >= 0 ? row.time / 1_000_000 : (row.time - 999_999) / 1_000_000
            Timestamp.appendUTC(seconds: seconds, to: &bytes)
            bytes.removeLast()  // the Z: py-fsrs's exports write +00:00 after the microseconds
            let fraction = String(row.time - seconds * 1_000_000)
            bytes.append(0x2E)
            bytes.append(contentsOf: repeatElement(UInt8(0x30), count: 6 - fraction.utf8.count))
            bytes.append(contentsOf: fraction.utf8)
            bytes.append(contentsOf: "+00:00,".utf8)
            bytes.append(contentsOf: String(row.duration).utf8)
            bytes.append(0x0A)
        }
        return Data(bytes)
    }
}
