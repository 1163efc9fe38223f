import Foundation
import Progress
import Scheduling

/// Runs the store benchmark: a generated store of 100 000 study items and 1 000 000 reviews
/// (made once, seeded, in `bench-data/`), then
///
/// 1. opening it and building today's study queue over all decks (each run a fresh
///    connection, with the `quick_check` every open does), and
/// 2. the latency of committing one answer, with `synchronous = FULL` (recall's setting);
///    every answer is undone afterwards, timed too, so the store stays as generated.
///
/// Options: `--data DIR` (default `bench-data`), `--runs N` (default 20), `--answers N`
/// (default 1000), `--pause MS` between answers (default 20), `--regenerate`.
func runStoreBenchmark(_ arguments: [String]) throws {
    var options = StoreBenchmarkOptions()
    try options.parse(arguments)
    let path = (options.dataDirectory as NSString).appendingPathComponent("store-100k-1m.sqlite")
    if options.regenerate || !FileManager.default.fileExists(atPath: path) {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
        let started = Date()
        try generateBenchmarkStore(at: path)
        print("generated \(path) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let store = try ProgressStore(path: path)
    let counts = try store.stateCounts().values.reduce(0) { $0 + $1.total }
    print("load average: \(loadAverage())")
    print(
        "store: \(counts) study items, \(try store.reviewCount()) reviews, \(size / 1_000_000) MB; now = \(benchmarkNow)"
    )

    // 1. Open + today's queue.
    var openTimes: [Double] = []
    var queueTimes: [Double] = []
    var totalTimes: [Double] = []
    var checkTimes: [Double] = []
    var cpuTimes: [Double] = []
    var queue = StudyQueue()
    for _ in 0..<options.runs {
        let cpuStart = threadCPUTime()
        let start = DispatchTime.now().uptimeNanoseconds
        let fresh = try ProgressStore(path: path)
        let opened = DispatchTime.now().uptimeNanoseconds
        queue = try fresh.queue(now: benchmarkNow)
        let end = DispatchTime.now().uptimeNanoseconds
        cpuTimes.append(threadCPUTime() - cpuStart)
        // The quick_check started by opening, still running in the background: wait for it
        // (untimed here) so runs do not pile checks up.
        try fresh.verify()
        openTimes.append(Double(opened - start) / 1e6)
        queueTimes.append(Double(end - opened) / 1e6)
        totalTimes.append(Double(end - start) / 1e6)
    }
    var warmTimes: [Double] = []
    for _ in 0..<options.runs {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try store.queue(now: benchmarkNow)
        warmTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    var rememberedTimes: [Double] = []
    for _ in 0..<3 {
        // The whole check: without the mark of an earlier pass (see IntegrityMark).
        unlink(path + "-checked")
        var start = DispatchTime.now().uptimeNanoseconds
        try ProgressStore(path: path).verify()
        checkTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        // The check remembered from that pass, as the next command finds it.
        start = DispatchTime.now().uptimeNanoseconds
        try ProgressStore(path: path).verify()
        rememberedTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print(
        "queue: \(queue.learning.count) learning, \(queue.review.count) review, \(queue.new.count) new over \(queue.newAllowance.count) decks"
    )
    print(
        "open + queue (\(options.runs) runs):  median \(milliseconds(median(totalTimes)))  max \(milliseconds(totalTimes.max() ?? 0))"
    )
    print(
        "  CPU time of this thread:         median \(milliseconds(median(cpuTimes)))  max \(milliseconds(cpuTimes.max() ?? 0))"
    )
    print(
        "  open alone (header + schema):     median \(milliseconds(median(openTimes)))  max \(milliseconds(openTimes.max() ?? 0))"
    )
    print(
        "  queue alone:                     median \(milliseconds(median(queueTimes)))  max \(milliseconds(queueTimes.max() ?? 0))"
    )
    print(
        "queue again on an open store:       median \(milliseconds(median(warmTimes)))  max \(milliseconds(warmTimes.max() ?? 0))"
    )
    print("open + full quick_check (verify(), 3 runs):  median \(milliseconds(median(checkTimes)))")
    print("open + verify(), the pass remembered (3 runs):  median \(milliseconds(median(rememberedTimes)))")

    // 2. Commit latency, then undo everything.
    let pool = queue.learning + queue.review + queue.new
    guard !pool.isEmpty else { throw StoreBenchmarkError(message: "the generated store has nothing due") }
    let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
    do {
        let writer = try ProgressStore(path: path)
        try writer.verify()
        var states: [ItemRef: CardState] = [:]
        var commits: [Double] = []
        var rng = SplitMix64(seed: 7)
        for index in 0..<options.answers {
            let item = pool[index % pool.count]
            let before = states[item.ref] ?? item.state
            let time = benchmarkNow.addingTimeInterval(Double(index))
            let rating = Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good
            let after = scheduler.review(before, rating: rating, at: time)
            let record = ReviewRecord.study(
                item.ref, rating: rating, at: time, before: before, after: after, durationMilliseconds: 3_000)
            let start = DispatchTime.now().uptimeNanoseconds
            try writer.record(record)
            commits.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            states[item.ref] = after
            // A person takes seconds per answer: the pause leaves the background checkpoint
            // of one answer to finish before the next, as in a real session.
            usleep(UInt32(options.pauseMilliseconds * 1_000))
        }
        var undos: [Double] = []
        for _ in 0..<options.answers {
            let start = DispatchTime.now().uptimeNanoseconds
            try writer.undoLast()
            undos.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            usleep(UInt32(options.pauseMilliseconds * 1_000))
        }
        print(
            "commit one answer, synchronous = FULL (\(options.answers) answers, \(options.pauseMilliseconds) ms apart):  "
                + "p50 \(milliseconds(percentile(commits, 50)))  p99 \(milliseconds(percentile(commits, 99)))  "
                + "max \(milliseconds(commits.max() ?? 0))")
        print(
            "undo one answer,   synchronous = FULL:  p50 \(milliseconds(percentile(undos, 50)))  "
                + "p99 \(milliseconds(percentile(undos, 99)))")
    }
    if try store.reviewCount() != benchmarkReviews {
        throw StoreBenchmarkError(
            message: "the undo pass left \(try store.reviewCount()) reviews, not \(benchmarkReviews)")
    }
}

/// The benchmark's fixed "now" (2026-06-01T10:00:00Z), so every run builds the same queue.
let benchmarkNow = Date(timeIntervalSince1970: 1_780_308_000)
private let benchmarkDecks = 20
private let benchmarkItemsPerDeck = 5_000
private let benchmarkReviews = 1_000_000
/// Of each deck's items, the first 85 % have a history; the rest are new.
private let benchmarkReviewedPerDeck = 4_250

/// The command-line options of the store benchmark.
private struct StoreBenchmarkOptions {
    var dataDirectory = "bench-data"
    var runs = 20
    var answers = 1_000
    var pauseMilliseconds = 20
    var regenerate = false

    mutating func parse(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--regenerate": regenerate = true
            case "--data": dataDirectory = try value(for: argument, from: &rest)
            case "--runs": runs = try count(for: argument, from: &rest)
            case "--answers": answers = try count(for: argument, from: &rest)
            case "--pause": pauseMilliseconds = try count(for: argument, from: &rest)
            default:
                throw StoreBenchmarkError(
                    message: "unknown option \(argument) (--data DIR, --runs N, --answers N, --pause MS, --regenerate)")
            }
        }
    }

    private func value(for option: String, from rest: inout ArraySlice<String>) throws -> String {
        guard let value = rest.popFirst() else { throw StoreBenchmarkError(message: "\(option) needs a value") }
        return value
    }

    private func count(for option: String, from rest: inout ArraySlice<String>) throws -> Int {
        let text = try value(for: option, from: &rest)
        guard let number = Int(text), number > 0 else {
            throw StoreBenchmarkError(message: "\(option) needs a positive number, not \(text)")
        }
        return number
    }
}

/// A benchmark failure.
struct StoreBenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Writes the benchmark store: 20 decks of 5 000 items; 85 000 items with 11 or 12 FSRS
/// reviews each (1 000 000 in all, ratings 10 % again, 10 % hard, 70 % good, 10 % easy, the
/// last never again), shifted in time so each item's next due date falls anywhere from half
/// a day before `benchmarkNow` to its interval after, as for someone who studies daily;
/// 15 000 new items.
func generateBenchmarkStore(at path: String) throws {
    let store = try ProgressStore(path: path)
    let scheduler = try SchedulerConfiguration(fuzz: false).makeScheduler()
    var rng = SplitMix64(seed: 2026)
    let reviewedItems = benchmarkDecks * benchmarkReviewedPerDeck
    let base = benchmarkReviews / reviewedItems
    let withExtra = benchmarkReviews - base * reviewedItems
    var reviewed = 0
    for deck in 0..<benchmarkDecks {
        let deckID = String(format: "deck-%02d", deck)
        let keys = (0..<benchmarkItemsPerDeck).map { String(format: "card-%05d", $0) }
        try store.sync(
            deckID: deckID, items: keys.map { SyncItem(key: $0, cardID: $0, contentHash: "bench") },
            at: benchmarkNow.addingTimeInterval(-5 * 365 * 86_400))
        var batch: [ReviewRecord] = []
        batch.reserveCapacity(benchmarkReviewedPerDeck * (base + 1))
        for key in keys.prefix(benchmarkReviewedPerDeck) {
            let quota = base + (reviewed < withExtra ? 1 : 0)
            reviewed += 1
            batch += simulatedHistory(
                ItemRef(deckID: deckID, key: key), reviews: quota, scheduler: scheduler, rng: &rng)
        }
        try store.record(batch: batch)
    }
}

/// `reviews` FSRS reviews of one item, each at its due time (plus a little delay), shifted so
/// the item's next due date lands near `benchmarkNow`.
private func simulatedHistory(
    _ ref: ItemRef, reviews: Int, scheduler: any Scheduler, rng: inout SplitMix64
) -> [ReviewRecord] {
    let origin = Date(timeIntervalSince1970: 0)
    var state = CardState.new(due: origin)
    var steps: [(time: Date, rating: Rating, before: CardState, after: CardState)] = []
    var time = origin
    for _ in 0..<reviews {
        let roll = rng.next() % 10
        var rating: Rating = roll == 0 ? .again : roll == 1 ? .hard : roll == 9 ? .easy : .good
        if steps.count == reviews - 1 && rating == .again { rating = .good }  // sessions end on a pass
        let after = scheduler.review(state, rating: rating, at: time)
        steps.append((time, rating, state, after))
        state = after
        time = max(state.due, time).addingTimeInterval(Double(rng.next() % 7_200))
    }
    let lastReview = steps.last?.time ?? origin
    let interval = state.due.timeIntervalSince(lastReview)
    // The next due date falls anywhere in the coming interval, or up to half a day overdue.
    let offset = Double(rng.next() % 1_000_000) / 1_000_000 * interval - 43_200
    let shift = benchmarkNow.addingTimeInterval(offset).timeIntervalSince(state.due)
    func shifted(_ state: CardState) -> CardState {
        var moved = state
        moved.due = state.due.addingTimeInterval(shift)
        moved.lastReview = state.lastReview?.addingTimeInterval(shift)
        return moved
    }
    return steps.map { step in
        ReviewRecord.study(
            ref, rating: step.rating, at: step.time.addingTimeInterval(shift), before: shifted(step.before),
            after: shifted(step.after), durationMilliseconds: Int(rng.next() % 20_000) + 1_000)
    }
}

/// The median of some timings.
func median(_ values: [Double]) -> Double { percentile(values, 50) }

/// The nearest-rank percentile `p` (0 to 100) of some timings.
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}

/// The CPU time this thread has used, in milliseconds (unaffected by other processes' load).
private func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// A duration in milliseconds, as "12.34 ms".
private func milliseconds(_ value: Double) -> String {
    String(format: "%.2f ms", value)
}

/// The 1-minute load average (other processes sharing the machine's 2 cores), from /proc/loadavg.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}
