import Foundation

/// `recall-bench anki [--data DIR] [--runs N] [--python PATH] [--only import]`: Anki
/// import and export at scale, against the `anki` package's own `import_anki_package` /
/// `export_anki_package` in the same run (`--only import` times the imports alone).
///
/// The package (generated once by `Benchmarks/anki_bench.py generate`, seeded, into
/// `DIR/anki-50k.apkg`): 50 000 notes, 100 000 cards, 1 000 000 review-log rows, exported by
/// Anki itself (collection.anki21b). Each run times, as whole processes (wall time, peak
/// resident memory): `recall import` of the package into a fresh folder and store, `recall
/// export` of the imported deck with its progress, and the same two operations by Anki.
/// Targets: faster than Anki on both, under 500 MB.
func runAnkiBenchmark(_ arguments: [String]) throws {
    var dataDirectory = "bench-data"
    var runs = 3
    var python = ".build/venv-anki/bin/python"
    var only: String?
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch (argument, rest.popFirst()) {
        case ("--data", let value?): dataDirectory = value
        case ("--runs", let value?) where Int(value).map({ $0 > 0 }) == true: runs = Int(value) ?? runs
        case ("--python", let value?): python = value
        case ("--only", "import"): only = "import"
        default:
            throw StoreBenchmarkError(
                message: "usage: recall-bench anki [--data DIR] [--runs N] [--python PATH] [--only import]")
        }
    }
    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "recall"
    ).path
    guard FileManager.default.isExecutableFile(atPath: recall) else {
        throw StoreBenchmarkError(message: "no recall binary next to recall-bench: run `swift build -c release` first")
    }
    guard FileManager.default.isExecutableFile(atPath: python) else {
        throw StoreBenchmarkError(
            message:
                "no \(python): python3 -m venv .build/venv-anki && .build/venv-anki/bin/pip install \"anki==26.9.*\"")
    }
    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    let data = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
    let package = data + "/anki-50k.apkg"
    let log = data + "/anki-bench.log"
    if !FileManager.default.fileExists(atPath: package) {
        print("generating \(package) with anki (once; about a minute)")
        let made = try MeasuredProcess.run([python, "Benchmarks/anki_bench.py", "generate", package], stdoutTo: log)
        guard made.status == 0 else { throw StoreBenchmarkError(message: "generating the package failed (see \(log))") }
        print(try String(contentsOfFile: log, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
    }
    let megabytes = Double((try FileManager.default.attributesOfItem(atPath: package)[.size] as? Int) ?? 0) / 1_048_576
    print(String(format: "package: %@ (%.1f MB), load average: %@", package, megabytes, loadAverage()))

    var results: [String: [MeasuredProcess]] = [:]
    let work = data + "/anki-bench-work"
    for run in 1...runs {
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let store = work + "/progress.sqlite"
        var steps: [(String, [String])] = [
            ("recall import", [recall, "import", package, "--into", work + "/decks", "--store", store]),
            (
                "recall export",
                [
                    recall, "export", "bench-generated", "--decks", work + "/decks", "--store", store, "-o",
                    work + "/recall.apkg",
                ]
            ),
            (
                "anki import_anki_package",
                [python, "Benchmarks/anki_bench.py", "import", package, work + "/anki.anki2"]
            ),
            (
                "anki export_anki_package",
                [python, "Benchmarks/anki_bench.py", "export", work + "/anki.anki2", work + "/anki.apkg"]
            ),
        ]
        if only == "import" { steps = [steps[0], steps[2]] }
        if run % 2 == 0 {  // alternate who goes first
            let half: Int = steps.count / 2
            steps = Array(steps[half...]) + Array(steps[..<half])
        }
        for (name, command) in steps {
            let measured = try MeasuredProcess.run(command, stdoutTo: log)
            guard measured.status == 0 else {
                throw StoreBenchmarkError(message: "\(name) exited with \(measured.status) (see \(log))")
            }
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            print(
                String(
                    format: "run %d  %-26@ %7.2f s wall  %7.2f s CPU  %7.1f MB   %@", run, name as NSString,
                    measured.seconds,
                    measured.cpuSeconds, Double(measured.peakBytes) / 1_048_576,
                    output.split(separator: "\n").last.map(String.init) ?? ""))
            results[name, default: []].append(measured)
        }
    }
    print("\nmedian of \(runs) runs (wall time, CPU time, peak resident memory), load average: \(loadAverage()):")
    for (recallName, ankiName) in [
        ("recall import", "anki import_anki_package"), ("recall export", "anki export_anki_package"),
    ] {
        let ours = results[recallName] ?? []
        let theirs = results[ankiName] ?? []
        if ours.isEmpty { continue }
        let ourTime = median(ours.map(\.seconds))
        let theirTime = median(theirs.map(\.seconds))
        let ourCPU = median(ours.map(\.cpuSeconds))
        let theirCPU = median(theirs.map(\.cpuSeconds))
        let ourPeak = (ours.map(\.peakBytes).max() ?? 0) / 1_048_576
        let theirPeak = (theirs.map(\.peakBytes).max() ?? 0) / 1_048_576
        print(
            String(
                format: "  %-14@ %6.2f s (%.2f s CPU) %5d MB   %-26@ %6.2f s (%.2f s CPU) %5d MB   "
                    + "Anki/recall time %.2fx, CPU %.2fx",
                recallName as NSString, ourTime, ourCPU, ourPeak, ankiName as NSString, theirTime, theirCPU,
                theirPeak, theirTime / ourTime, theirCPU / ourCPU))
    }
}
