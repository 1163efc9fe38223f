import Foundation

/// Runs the built `recall` (or a copy of it) and captures what it printed.
enum CheckProcess {
    /// What a run gave.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` (default: the built `recall`) with `arguments` in `directory`,
    /// with `environment` added to a minimal environment.
    static func run(
        _ arguments: [String], executable: URL = RecallBinary.url, in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var base = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "TERM": "dumb"]
        base.merge(environment) { $1 }
        process.environment = base
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory; remove it with `removeTemporaryDirectory` (in a defer).
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-check-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes a directory made by `temporaryDirectory`.
    static func removeTemporaryDirectory(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// The repository's root (this file is Tests/EndToEndTests/CheckProcess.swift).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Writes a small valid deck with this id and `cards` truefalse cards.
    static func writeDeck(id: String, title: String, cards: Int, to url: URL) throws {
        let list = (0..<cards).map {
            "{\"id\": \"c\($0)\", \"type\": \"truefalse\", \"statement\": \"s\", \"answer\": true}"
        }
        let json = """
            {"format": 1, "id": "\(id)", "title": "\(title)", "description": "D", "sources": [],
             "cards": [\(list.joined(separator: ",\n"))]}
            """
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try json.write(to: url, atomically: true, encoding: .utf8)
    }
}
