import Decks
import Drafting
import Foundation

/// `recall-bench draft [--data DIR] [--runs N] [--words N] [--print FILE]`: generates (seeded)
/// a summary of about 10 000 words shaped like a study guide (a cast list, forty chapters of
/// plot prose with names, places, years and quotations, a themes section), then times
/// drafting it in process (`Drafter.draft` plus writing the JSON) and, when the `recall`
/// binary is next to `recall-bench` and has the `draft` command, the whole
/// `recall draft FILE` as a user runs it. Target: under 200 ms.
///
/// `--print FILE` drafts FILE and prints the deck (a development aid).
func runDraftBenchmark(_ arguments: [String]) throws {
    var dataDirectory = "bench-data"
    var runs = 20
    var words = 10_000
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch (argument, rest.popFirst()) {
        case ("--data", let value?): dataDirectory = value
        case ("--runs", let value?) where Int(value).map({ $0 > 0 }) == true: runs = Int(value) ?? runs
        case ("--words", let value?) where Int(value).map({ $0 > 0 }) == true: words = Int(value) ?? words
        case ("--print", let value?):
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: value)))
            do {
                print(DeckJSON.text(of: try Drafter.draft(bytes: bytes, file: value)), terminator: "")
            } catch {
                throw StoreBenchmarkError(message: "\(value): \(error)")
            }
            return
        default:
            throw StoreBenchmarkError(
                message: "usage: recall-bench draft [--data DIR] [--runs N] [--words N] [--print FILE]")
        }
    }
    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    let summary = generateSummary(words: words)
    let path = (dataDirectory as NSString).appendingPathComponent("summary-\(words).md")
    try Data(summary.utf8).write(to: URL(fileURLWithPath: path))
    let wordCount = summary.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    print("load average: \(loadAverage())")
    print(
        "summary: \(path), \(wordCount) words, \(summary.utf8.count) bytes, \(summary.split(separator: "\n").count) lines"
    )

    let bytes = Array(summary.utf8)
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var deck: Deck?
    var json = ""
    for _ in 0..<runs {
        let cpuStart = threadCPUMilliseconds()
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            deck = try Drafter.draft(bytes: bytes, file: path)
        } catch {
            throw StoreBenchmarkError(message: "drafting failed: \(error)")
        }
        if let deck { json = DeckJSON.text(of: deck) }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        cpuTimes.append(threadCPUMilliseconds() - cpuStart)
    }
    if let deck {
        var byType: [String: Int] = [:]
        for card in deck.cards { byType[card.content.typeName, default: 0] += 1 }
        let types = byType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let problems = DeckLoader.load(json: json, file: "draft.json").problems.count
        print(
            "deck: \(deck.cards.count) cards (\(types)), \(json.utf8.count) bytes of JSON, \(problems) check problems")
    }
    print(
        String(
            format:
                "draft in process (parse, draft, JSON), %d runs: wall median %.1f ms, p90 %.1f ms, min %.1f ms; CPU median %.1f ms, p90 %.1f ms (target: under 200 ms)",
            runs, median(times), percentile(times, 90), times.min() ?? 0, median(cpuTimes), percentile(cpuTimes, 90)))

    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "recall"
    ).path
    guard FileManager.default.isExecutableFile(atPath: recall) else {
        print("recall draft: skipped (no recall binary next to recall-bench: run `swift build -c release` first)")
        return
    }
    let output = (dataDirectory as NSString).appendingPathComponent("draft-output.json")
    var seconds: [Double] = []
    var cpu: [Double] = []
    var peak = 0
    for _ in 0..<runs {
        let measured = try MeasuredProcess.run([recall, "draft", path], stdoutTo: output)
        guard measured.status == 0 else {
            print("recall draft: skipped (`recall draft` exited with status \(measured.status): not in this build?)")
            return
        }
        seconds.append(measured.seconds * 1000)
        cpu.append(measured.cpuSeconds * 1000)
        peak = max(peak, measured.peakBytes)
    }
    let same = (try? String(contentsOfFile: output, encoding: .utf8)) == json
    print(
        String(
            format:
                "recall draft FILE (whole process), %d runs: wall median %.1f ms, p90 %.1f ms; CPU median %.1f ms; peak memory %.1f MiB; output %@ the in-process deck",
            runs, median(seconds), percentile(seconds, 90), median(cpu), Double(peak) / 1_048_576,
            same ? "identical to" : "DIFFERS from"))
}

/// The CPU time this thread has used, in milliseconds (steadier than wall time on a busy machine).
private func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

/// A seeded study-guide summary of about `words` words.
private func generateSummary(words target: Int) -> String {
    var random = BenchRandom(seed: 0x5EED_D4AF7)
    let first = [
        "Anna", "Bernard", "Clara", "Daniel", "Edith", "Felix", "Grace", "Henry", "Iris", "Julian", "Katherine", "Leo",
        "Margaret", "Nathan", "Olive", "Peter", "Rose", "Samuel", "Theresa", "Victor", "Walter", "Yvonne",
    ]
    let last = [
        "Ashford", "Blake", "Carrow", "Dunmore", "Ellery", "Fairfax", "Greaves", "Hollis", "Ingram", "Jessop", "Kendal",
    ]
    let places = [
        "Thornfield", "Marlow", "Kingsbridge", "Ashcombe", "Wexford", "Redmere", "Hallam", "Brightwater", "Colchester",
        "Penrith",
    ]
    let verbs = [
        "visits", "writes to", "quarrels with", "rescues", "betrays", "marries", "follows", "warns", "forgives",
        "deceives", "meets", "avoids",
    ]
    let objects = [
        "a forged letter", "the family fortune", "an old promise", "a stolen necklace", "the burned will",
        "a secret diary",
        "the locked orchard", "a borrowed carriage", "the silver locket", "a torn portrait",
    ]
    let feelings = ["jealousy", "gratitude", "suspicion", "remorse", "ambition", "loneliness", "pride", "devotion"]
    let characters = (0..<24).map { "\(first[$0 % first.count]) \(last[($0 * 7) % last.count])" }
    var text = "# The Orchard at \(places[0]): a study guide\n\n## Characters\n\n"
    for (index, name) in characters.enumerated() {
        let other = characters[(index + 5) % characters.count]
        text +=
            "- **\(name)** — a \(["proud", "restless", "gentle", "clever", "reckless"][index % 5]) "
            + "\(["heir", "governess", "soldier", "clerk", "widow", "painter"][index % 6]) from \(places[index % places.count]) "
            + "who is bound to \(other.split(separator: " ")[0]) by \(feelings[index % feelings.count]).\n"
    }
    text += "\n## Plot\n"
    var chapter = 0
    var count = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    while count < target - 400 {
        chapter += 1
        text += "\n### Chapter \(chapter)\n\n"
        var paragraph = ""
        for sentence in 0..<8 {
            let a = characters[random.next(characters.count)]
            var b = characters[random.next(characters.count)]
            if b == a { b = characters[(characters.firstIndex(of: a) ?? 0 + 1) % characters.count] }
            let place = places[random.next(places.count)]
            let year = 1840 + random.next(60)
            let line: String
            switch random.next(5) {
            case 0:
                line =
                    "In \(year) \(a) \(verbs[random.next(verbs.count)]) \(b) at \(place) because of \(objects[random.next(objects.count)])."
            case 1:
                line =
                    "\(a) travels to \(place) with \(b), hoping to recover \(objects[random.next(objects.count)]) before the winter."
            case 2:
                line =
                    "After \(random.next(9) + 2) years abroad, \(a) returns to \(place) and finds that \(b) has sold \(objects[random.next(objects.count)])."
            case 3:
                line = "\(a) tells \(b), \"Nothing you can say will make me leave \(place) now.\""
            default:
                line =
                    "The \(feelings[random.next(feelings.count)]) of \(a) grows when \(b) hides \(objects[random.next(objects.count)]) in the *\(place) Gazette*."
            }
            paragraph += (paragraph.isEmpty ? "" : " ") + line
            if sentence == 3 {
                text += paragraph + "\n\n"
                paragraph = ""
            }
        }
        text += paragraph + "\n"
        count = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
    text += "\n## Themes\n"
    for feeling in feelings {
        text += "\n### \(feeling.prefix(1).uppercased() + feeling.dropFirst())\n\n"
        let a = characters[random.next(characters.count)]
        text +=
            "The novel shows \(feeling) as a force that shapes every choice \(a) makes at \(places[random.next(places.count)]). "
            + "By the last chapter, \(feeling) has cost \(a) \(objects[random.next(objects.count)]) and the trust of \(characters[random.next(characters.count)]).\n"
    }
    return text
}

/// SplitMix64, for a summary that is the same on every run.
private struct BenchRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
