import DeviceSync
import Foundation
import Progress

/// `recall-bench sync [--data DIR] [--reviews N] [--items N] [--runs N]`: device sync at scale.
///
/// Two devices' journals of N reviews each (1 000 000 by default) over the same deck of
/// 100 000 items, studied in interleaved times (so histories merge), generated into
/// `DIR/sync/`. Then, as a user runs it (a separate `recall sync` process, release build):
///
/// 1. the merge of both journals into a fresh store: wall time and peak memory, against the
///    targets of 5 s and 300 MB;
/// 2. SQLite alone doing the merge's writes (`SQLiteFloor`), the floor any merge through the
///    store's schema has, in the same run;
/// 3. two machines' first sync: the second device's journal merged into a store that holds
///    the first device's answers already (most of its rows get new states);
/// 4. an incremental sync that brings 100 new reviews (appended to one journal): the whole
///    `recall sync` process and `JournalSync.run()` in process, against 100 ms.
func runSyncBenchmark(_ arguments: [String]) throws {
    var dataDirectory = "bench-data"
    var reviews = 1_000_000
    var items = 100_000
    var runs = 5
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch (argument, rest.popFirst()) {
        case ("--data", let value?): dataDirectory = value
        case ("--reviews", let value?) where (Int(value) ?? 0) > 0: reviews = Int(value) ?? reviews
        case ("--items", let value?) where (Int(value) ?? 0) > 0: items = Int(value) ?? items
        case ("--runs", let value?) where (Int(value) ?? 0) > 0: runs = Int(value) ?? runs
        default:
            throw StoreBenchmarkError(
                message: "usage: recall-bench sync [--data DIR] [--reviews N] [--items N] [--runs N]")
        }
    }
    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "recall"
    ).path
    guard FileManager.default.isExecutableFile(atPath: recall) else {
        throw StoreBenchmarkError(message: "no recall binary next to recall-bench: run `swift build -c release` first")
    }
    let root = (dataDirectory as NSString).appendingPathComponent("sync")
    let folder = (root as NSString).appendingPathComponent("folder")
    let journals = (folder as NSString).appendingPathComponent("recall")
    try? FileManager.default.removeItem(atPath: root)
    try FileManager.default.createDirectory(atPath: journals, withIntermediateDirectories: true)
    print("load average: \(loadAverage())")

    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01: the generated history ends in the past
    let devices = ["a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2"]
    var generated = Date()
    for (index, device) in devices.enumerated() {
        try writeJournal(
            path: (journals as NSString).appendingPathComponent(device + ".jsonl"), device: device, firstSequence: 1,
            count: reviews, items: items, seed: UInt64(index + 1), start: start.addingTimeInterval(Double(index) * 7))
    }
    print(
        String(
            format: "generated 2 journals of %d reviews over %d items in %.1f s", reviews, items,
            Date().timeIntervalSince(generated)))

    // The merge, into a fresh store holding the deck.
    let storePath = (root as NSString).appendingPathComponent("merged.sqlite")
    try makeSyncBenchmarkStore(at: storePath, items: items)
    // Kept for profiling the merge by hand: `cp fresh.sqlite x.sqlite && recall sync folder --store x.sqlite`.
    let freshPath = (root as NSString).appendingPathComponent("fresh.sqlite")
    try FileManager.default.copyItem(atPath: storePath, toPath: freshPath)
    let output = (root as NSString).appendingPathComponent("sync-output.txt")
    /// A measured `recall sync FOLDER --store STORE`, its standard output to `output`.
    func runSync(_ folder: String, store: String) throws -> MeasuredProcess {
        let measured = try MeasuredProcess.run([recall, "sync", folder, "--store", store], stdoutTo: output)
        guard measured.status == 0 else {
            throw StoreBenchmarkError(message: "recall sync exited with status \(measured.status)")
        }
        return measured
    }
    // The journals and the store written just now go to the disk first, so that neither
    // measured process competes with their write-back.
    sync()
    let merge = try runSync(folder, store: storePath)
    let received = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    print(
        String(
            format:
                "recall sync, merging 2 x %d reviews into a fresh store: %.2f s, peak memory %.1f MiB, CPU %.2f s (targets: under 5 s and 300 MB)",
            reviews, merge.seconds, Double(merge.peakBytes) / 1_048_576, merge.cpuSeconds))
    print("  " + received.split(separator: "\n").joined(separator: " / "))

    // The floor: SQLite alone doing the merge's writes, in this same run, in a process of its
    // own as the merge has.
    let floorPath = (root as NSString).appendingPathComponent("floor.sqlite")
    try FileManager.default.copyItem(atPath: freshPath, toPath: floorPath)
    let floorOutput = (root as NSString).appendingPathComponent("floor-output.txt")
    sync()
    let floor = try MeasuredProcess.run(
        [CommandLine.arguments[0], "sqlite-floor", floorPath, String(2 * reviews), String(items)], stdoutTo: floorOutput
    )
    guard floor.status == 0 else {
        throw StoreBenchmarkError(message: "recall-bench sqlite-floor exited with status \(floor.status)")
    }
    print(
        String(
            format:
                "SQLite alone writing the same 2 x %d rows (recall-bench sqlite-floor): %.2f s, CPU %.2f s, peak memory %.1f MiB; the merge takes %.2fx its wall time",
            reviews, floor.seconds, floor.cpuSeconds, Double(floor.peakBytes) / 1_048_576, merge.seconds / floor.seconds
        ))
    print(
        ((try? String(contentsOfFile: floorOutput, encoding: .utf8)) ?? "").split(separator: "\n").map { "  " + $0 }
            .joined(separator: "\n"))
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: floorPath + suffix) }

    // Two machines that studied apart sync for the first time: into a store that holds the
    // first device's answers (merged beforehand, not timed), the second device's arrive.
    let firstOnly = (root as NSString).appendingPathComponent("first-only")
    let firstJournals = (firstOnly as NSString).appendingPathComponent("recall")
    try FileManager.default.createDirectory(atPath: firstJournals, withIntermediateDirectories: true)
    try FileManager.default.linkItem(
        atPath: (journals as NSString).appendingPathComponent(devices[0] + ".jsonl"),
        toPath: (firstJournals as NSString).appendingPathComponent(devices[0] + ".jsonl"))
    let heldPath = (root as NSString).appendingPathComponent("held.sqlite")
    try FileManager.default.copyItem(atPath: freshPath, toPath: heldPath)
    _ = try runSync(firstOnly, store: heldPath)
    sync()
    let second = try runSync(folder, store: heldPath)
    print(
        String(
            format:
                "recall sync, merging %d reviews into a store holding the other device's %d (most of its rows get new states): %.2f s, peak memory %.1f MiB, CPU %.2f s",
            reviews, reviews, second.seconds, Double(second.peakBytes) / 1_048_576, second.cpuSeconds))
    for suffix in ["", "-wal", "-shm", "-checked", ".sync-lock"] {
        try? FileManager.default.removeItem(atPath: heldPath + suffix)
    }
    try? FileManager.default.removeItem(atPath: firstOnly)

    // Incremental syncs: 100 new reviews each time.
    var processTimes: [Double] = []
    var processCPU: [Double] = []
    var inProcessTimes: [Double] = []
    var inProcessCPU: [Double] = []
    func cpuMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
    var sequence = Int64(reviews) + 1
    generated = start.addingTimeInterval(Double(reviews) * 30 + 86_400)
    let journalB = (journals as NSString).appendingPathComponent(devices[1] + ".jsonl")
    for run in 0..<(2 * runs) {
        try writeJournal(
            path: journalB, device: devices[1], firstSequence: sequence, count: 100, items: items,
            seed: UInt64(100 + run),
            start: generated, append: true)
        sequence += 100
        generated = generated.addingTimeInterval(86_400)
        if run % 2 == 0 {
            let measured = try runSync(folder, store: storePath)
            processTimes.append(measured.seconds * 1_000)
            processCPU.append(measured.cpuSeconds * 1_000)
        } else {
            let store = try ProgressStore(path: storePath)
            try store.verify()
            let begin = DispatchTime.now().uptimeNanoseconds
            let cpuBegin = cpuMilliseconds()
            let report = try JournalSync(store: store, folder: folder).run()
            inProcessTimes.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
            inProcessCPU.append(cpuMilliseconds() - cpuBegin)
            guard report.receivedReviews == 100 else {
                throw StoreBenchmarkError(message: "expected 100 reviews, received \(report.receivedReviews)")
            }
        }
    }
    print(
        String(
            format:
                "incremental sync of 100 new reviews: recall sync (whole process) median %.1f ms, p90 %.1f ms, CPU median %.1f ms; JournalSync.run() in process median %.1f ms, p90 %.1f ms, CPU median %.1f ms (target: under 100 ms)",
            median(processTimes), percentile(processTimes, 90), median(processCPU), median(inProcessTimes),
            percentile(inProcessTimes, 90), median(inProcessCPU)))
}

/// A fresh store at `path` holding the benchmark deck of `items` items.
func makeSyncBenchmarkStore(at path: String, items: Int) throws {
    for suffix in ["", "-wal", "-shm", ".sync-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try ProgressStore(path: path)
    try store.sync(
        deckID: "bench", items: (0..<items).map { SyncItem(key: "card-\($0)", cardID: "card-\($0)", contentHash: "h") },
        at: Date(timeIntervalSince1970: 1_735_689_600))
}

/// Writes (or appends) `count` review events of `device` to its journal: random items,
/// ratings mostly good, one review every 30 s from `start`, 5 % practice.
func writeJournal(
    path: String, device: String, firstSequence: Int64, count: Int, items: Int, seed: UInt64, start: Date,
    append: Bool = false
) throws {
    var state = seed &* 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    if !append { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    guard let handle = FileHandle(forWritingAtPath: path) else {
        throw StoreBenchmarkError(message: "cannot write \(path)")
    }
    defer { try? handle.close() }
    _ = try handle.seekToEnd()
    let startMilliseconds = Int64(start.timeIntervalSince1970 * 1000)
    var buffer = ""
    for index in 0..<count {
        let roll = next() % 100
        let rating = roll < 10 ? 1 : roll < 20 ? 2 : roll < 92 ? 3 : 4
        let event = JournalEvent(
            id: JournalEventID(device: device, sequence: firstSequence + Int64(index)),
            body: .review(
                JournalReview(
                    deckID: "bench", itemKey: "card-\(next() % UInt64(items))",
                    time: startMilliseconds + Int64(index) * 30_000, rating: rating,
                    durationMilliseconds: Int(next() % 20_000), kind: next() % 20 == 0 ? .practice : .study)))
        buffer += JournalFormat.line(event)
        buffer += "\n"
        if buffer.utf8.count > 1 << 20 {
            handle.write(Data(buffer.utf8))
            buffer = ""
        }
    }
    handle.write(Data(buffer.utf8))
}
