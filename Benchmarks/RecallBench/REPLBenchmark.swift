import Foundation

/// Runs the REPL benchmark: the real release `recall` binary on a pseudo-terminal, with the
/// bundled decks and the store benchmark's generated store (100 000 study items, 1 000 000
/// reviews; `recall-bench store` makes it in `bench-data/`), copied so it stays as generated.
///
/// 1. Launch to the first prompt: from starting `recall` to `recall> ` on the terminal, with
///    the big store, against the same with an empty store (the baseline).
/// 2. Answer to next card: in `recall study never-let-me-go-plot` on the big store, from
///    typing the rating (which saves the answer) to the next card's prompt on the terminal.
///
/// Options: `--data DIR` (default `bench-data`), `--runs N` launches (default 20),
/// `--answers N` (default 40).
func runREPLBenchmark(_ arguments: [String]) throws {
    var options = REPLBenchmarkOptions()
    try options.parse(arguments)
    let bigStore = (options.dataDirectory as NSString).appendingPathComponent("store-100k-1m.sqlite")
    guard FileManager.default.fileExists(atPath: bigStore) else {
        throw REPLBenchmarkError(message: "no \(bigStore): run `recall-bench store` first, it generates the store")
    }
    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "recall"
    ).path
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
        "recall-repl-bench-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let store = scratch + "/store.sqlite"
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: bigStore + suffix) {
        try FileManager.default.copyItem(atPath: bigStore + suffix, toPath: store + suffix)
    }
    let environment = [
        "TERM": "dumb", "INPUTRC": "/dev/null", "HOME": scratch, "COLUMNS": "100", "LANG": "C.UTF-8",
        "XDG_STATE_HOME": scratch + "/state", "XDG_DATA_HOME": scratch + "/data",
    ]
    print("recall: \(recall)\nstore: a copy of \(bigStore)")

    // 1. Launch to the first prompt.
    func launch(_ storePath: String) throws -> Double {
        let terminal = try BenchTerminal(recall, ["--store", storePath], environment: environment)
        let start = terminal.started
        try terminal.waitFor("recall> ")
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        terminal.send("quit\r")
        try terminal.waitForExit()
        return elapsed
    }
    let firstBig = try launch(store)  // syncs the bundled decks into the big store once
    let firstEmpty = try launch(scratch + "/empty.sqlite")  // creates the empty store
    var big: [Double] = []
    var empty: [Double] = []
    for _ in 0..<options.runs {
        big.append(try launch(store))
        empty.append(try launch(scratch + "/empty.sqlite"))
    }
    print("launch to first prompt (\(options.runs) runs each):")
    print(
        "  big store:    median \(replMilliseconds(replPercentile(big, 50)))  p90 \(replMilliseconds(replPercentile(big, 90)))  max \(replMilliseconds(big.max() ?? 0))  (first launch, the decks new to it: \(replMilliseconds(firstBig)))"
    )
    print(
        "  empty store:  median \(replMilliseconds(replPercentile(empty, 50)))  p90 \(replMilliseconds(replPercentile(empty, 90)))  max \(replMilliseconds(empty.max() ?? 0))  (first launch, creating it: \(replMilliseconds(firstEmpty)))"
    )
    print(
        "  ratio big / empty (medians): \(String(format: "%.2f", replPercentile(big, 50) / max(0.001, replPercentile(empty, 50))))"
    )

    // 2. Answer to next card.
    let settings = Process()
    settings.executableURL = URL(fileURLWithPath: recall)
    settings.arguments = ["settings", "never-let-me-go-plot", "--new-per-day", "9999", "--store", store]
    settings.environment = environment
    settings.standardOutput = FileHandle.nullDevice
    try settings.run()
    settings.waitUntilExit()
    let terminal = try BenchTerminal(
        recall, ["study", "never-let-me-go-plot", "--store", store], environment: environment)
    var latencies: [Double] = []
    var prompt = try terminal.nextPrompt()
    while latencies.count < options.answers {
        if prompt.hasPrefix("rating") {
            let start = DispatchTime.now().uptimeNanoseconds
            terminal.send("3\r")
            prompt = try terminal.nextPrompt()
            if prompt == "recall> " || prompt.isEmpty { break }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            continue
        }
        switch prompt {
        case "answer> ": terminal.send("x\r")
        case "t/f> ": terminal.send("t\r")
        case "(Enter shows the answer) > ": terminal.send("\r")
        default: terminal.send("a\r")  // a choice: a-d>
        }
        prompt = try terminal.nextPrompt()
    }
    terminal.send(":quit\r")
    try terminal.waitForExit()
    print(
        "answer to next card on screen (\(latencies.count) answers, each committed to the store before the next card):")
    print(
        "  p50 \(replMilliseconds(replPercentile(latencies, 50)))  p90 \(replMilliseconds(replPercentile(latencies, 90)))  p99 \(replMilliseconds(replPercentile(latencies, 99)))  max \(replMilliseconds(latencies.max() ?? 0))"
    )
}

/// The command-line options of the REPL benchmark.
private struct REPLBenchmarkOptions {
    var dataDirectory = "bench-data"
    var runs = 20
    var answers = 40

    mutating func parse(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard let value = rest.popFirst() else { throw REPLBenchmarkError(message: "\(argument) needs a value") }
            switch argument {
            case "--data": dataDirectory = value
            case "--runs", "--answers":
                guard let number = Int(value), number > 0 else {
                    throw REPLBenchmarkError(message: "\(argument) needs a positive number, not \(value)")
                }
                if argument == "--runs" { runs = number } else { answers = number }
            default: throw REPLBenchmarkError(message: "unknown option \(argument) (--data DIR, --runs N, --answers N)")
            }
        }
    }
}

/// A REPL benchmark failure.
private struct REPLBenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// `recall` running on a pseudo-terminal (its standard input, output and error).
private final class BenchTerminal {
    let process = Process()
    let master: Int32
    let started: UInt64
    private var pending = ""

    init(_ recall: String, _ arguments: [String], environment: [String: String]) throws {
        master = BenchPTY.openMaster()
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, BenchPTY.grant(master) == 0, BenchPTY.unlock(master) == 0,
            BenchPTY.name(master, &name, name.count) == 0
        else {
            throw REPLBenchmarkError(message: "cannot open a pseudo-terminal")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slave = FileHandle(forUpdatingAtPath: slavePath) else {
            throw REPLBenchmarkError(message: "cannot open \(slavePath)")
        }
        process.executableURL = URL(fileURLWithPath: recall)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        started = DispatchTime.now().uptimeNanoseconds
        try process.run()
        try slave.close()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `text` has appeared; drops what came before it.
    func waitFor(_ text: String, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !pending.contains(text) {
            guard Date() < deadline, readMore(until: deadline) else {
                throw REPLBenchmarkError(
                    message: "recall did not print \(text.debugDescription); it printed:\n\(pending)")
            }
        }
        if let range = pending.range(of: text) { pending = String(pending[range.upperBound...]) }
    }

    /// Reads until the output ends with a prompt (a last line ending in "> "), and returns it.
    func nextPrompt(timeout: TimeInterval = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let lastLine = pending.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            if lastLine.hasSuffix("> ") {
                pending = ""
                return lastLine
            }
            guard Date() < deadline, readMore(until: deadline) else { return "" }
        }
    }

    func waitForExit() throws {
        while process.isRunning && readMore(until: Date().addingTimeInterval(5)) {}
        process.waitUntilExit()
    }

    private func readMore(until deadline: Date) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        pending += String(decoding: buffer[..<count], as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        return true
    }
}

/// The pseudo-terminal functions of the C library, looked up at run time (Swift's Glibc
/// module leaves them out).
private enum BenchPTY {
    typealias OpenFunction = @convention(c) (Int32) -> Int32
    typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    private static func function<T>(_ name: String, as type: T.Type) -> T? {
        dlsym(nil, name).map { unsafeBitCast($0, to: type) }
    }

    static func openMaster() -> Int32 {
        function("posix_openpt", as: OpenFunction.self)?(O_RDWR | O_NOCTTY | O_CLOEXEC) ?? -1
    }
    static func grant(_ fd: Int32) -> Int32 { function("grantpt", as: OpenFunction.self)?(fd) ?? -1 }
    static func unlock(_ fd: Int32) -> Int32 { function("unlockpt", as: OpenFunction.self)?(fd) ?? -1 }
    static func name(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int32 {
        function("ptsname_r", as: NameFunction.self)?(fd, buffer, size) ?? -1
    }
}

private func replPercentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

private func replMilliseconds(_ value: Double) -> String {
    String(format: "%.1f ms", value)
}
