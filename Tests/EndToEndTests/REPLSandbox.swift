import Foundation

/// A throw-away home for one end-to-end test: HOME and the XDG directories in a fresh
/// temporary folder, so tests never touch the real user's history, decks or progress.
final class REPLSandbox {
    /// The temporary folder.
    let root: URL

    /// Creates the folder.
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("recall-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A path inside the folder.
    func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The environment recall runs with: a dumb terminal, no inputrc, the sandbox's
    /// directories, 80 columns.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "TERM": "dumb", "INPUTRC": "/dev/null", "HOME": root.path, "COLUMNS": "80",
            "XDG_STATE_HOME": path("state"), "XDG_DATA_HOME": path("data"),
            "XDG_CONFIG_HOME": path("config"), "LANG": "C.UTF-8", "TZ": Self.middayZone(),
        ].merging(extra) { $1 }
    }

    /// A time zone where it is now about noon, so that no test runs across the study day's
    /// 04:00 rollover (a card due in ten minutes is due today in every run): `Etc/GMT-N` is
    /// UTC+N.
    static func middayZone(now: Date = Date()) -> String {
        let hour = Int(now.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) / 3_600)
        let offset = 12 - hour  // -11 ... 12
        return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-\(offset)" : "Etc/GMT+\(-offset)"
    }

    /// Writes `text` to a file in the sandbox (creating folders) and returns its path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Starts recall on a pseudo-terminal.
    func terminal(_ arguments: [String] = [], environment extra: [String: String] = [:]) throws -> PseudoTerminal {
        try PseudoTerminal(arguments: arguments, environment: environment(extra))
    }

    /// Runs recall with `input` on a pipe; returns its exit status, output and errors.
    func pipe(_ arguments: [String], input: String, environment extra: [String: String] = [:]) throws -> PipedRun {
        let process = Process()
        process.executableURL = RecallBinary.url
        process.arguments = arguments
        process.environment = environment(extra)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both streams to the end concurrently, so neither pipe fills up.
        let errorData = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PipedRun(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: errorData.text())
    }
}

/// What a piped run of recall gave.
struct PipedRun {
    /// The exit status.
    let status: Int32
    /// Its standard output.
    let output: String
    /// Its standard error.
    let errors: String
}

/// Reads a pipe to its end on another thread.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
