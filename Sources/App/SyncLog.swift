import Foundation
import Terminal

/// The log of syncs nobody watched: `recall sync --log FILE` appends each run's outcome, and
/// the prompt's sync when it quits (a detached process, its output discarded) logs to
/// `$XDG_STATE_HOME/recall/sync.log`. The next prompt says once when the last logged run
/// failed or reported problems, naming the file.
///
/// Each run is one block, written with one `write`: a header line starting with the time,
/// `2026-12-01T02:50:12Z sync through DIR: OUTCOME` (the outcome is `ok`, `N problems` or
/// `failed`), then its lines indented by two spaces. When the file grows past `limit`, its
/// oldest runs are dropped, so it stays small however long recall is used.
struct SyncLog {
    /// The size beyond which the oldest runs are dropped (about half of it is kept).
    static let limit = 64 * 1024
    /// The line the prompt adds under a run it told the user about.
    static let toldLine = "  (shown when recall next started)"

    /// The log file.
    let path: String

    /// How one run ended.
    enum Outcome: Equatable {
        case ok
        case problems(Int)
        case failed
    }

    /// Appends a run: its header (with `outcome` and the time `date`) and `lines`.
    func append(folder: String, outcome: Outcome, lines: [String], at date: Date = Date()) {
        let outcomeText: String
        switch outcome {
        case .ok: outcomeText = "ok"
        case .problems(let count): outcomeText = "\(count) problem\(count == 1 ? "" : "s")"
        case .failed: outcomeText = "failed"
        }
        let time = ISO8601DateFormatter().string(from: date)
        var block = "\(time) sync through \(Sanitizer.clean(folder, keepNewlines: false)): \(outcomeText)\n"
        for line in lines { block += "  " + Sanitizer.clean(line, keepNewlines: false) + "\n" }
        write(block)
        trimIfNeeded()
    }

    /// The header of the last run when it failed or reported problems and the prompt has not
    /// told the user yet; nil otherwise (no log, the last run went well, or it was told).
    func untoldProblem() -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let headerIndex = lines.lastIndex(where: { !$0.hasPrefix(" ") }) else { return nil }
        let header = String(lines[headerIndex])
        guard !header.hasSuffix(": ok") else { return nil }
        if lines[(headerIndex + 1)...].contains(where: { $0 == Self.toldLine }) { return nil }
        return header
    }

    /// Notes under the last run that the user was told about it.
    func markTold() {
        write(Self.toldLine + "\n")
    }

    /// What the prompt says about a run `untoldProblem()` found.
    func warning(for header: String) -> String {
        let failed = header.hasSuffix(": failed")
        let what = failed ? "failed" : "reported problems"
        return "warning: the sync when recall last quit \(what); see \(Sanitizer.clean(path, keepNewlines: false))"
    }

    /// Appends `text` (creating the file and its folder).
    private func write(_ text: String) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { raw in Foundation.write(descriptor, raw.baseAddress, raw.count) }
    }

    /// Drops the oldest runs once the file is past `limit`, keeping the newest whole runs
    /// that fit in half of it (written beside it, then renamed over it).
    private func trimIfNeeded() {
        guard let data = FileManager.default.contents(atPath: path), data.count > Self.limit else { return }
        let text = String(decoding: data.suffix(Self.limit / 2), as: UTF8.self)
        // Drop the line cut in two, then lines up to the first run header.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        while let first = lines.first, first.isEmpty || first.hasPrefix(" ") { lines = lines.dropFirst() }
        let kept = lines.joined(separator: "\n")
        let temporary = path + ".trim"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(kept.utf8)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }
}
