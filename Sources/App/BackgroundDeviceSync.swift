import DeviceSync
import Dispatch
import Foundation
import Progress
import Terminal

/// The prompt's sync with other machines (`settings --sync-dir`): at start on another
/// thread, so the prompt never waits, its result shown before a later prompt; at quit in a
/// detached `recall sync` process, so leaving never waits either.
final class BackgroundDeviceSync: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<JournalSyncReport, any Error>?
    private var announced = false
    /// The sync folder.
    let folder: String

    /// Starts a sync of `workspace`'s store through `folder`, once the decks are synced into it.
    init(workspace: Workspace, folder: String) {
        self.folder = folder
        nonisolated(unsafe) let workspace = workspace
        let store = workspace.store
        DispatchQueue.global(qos: .utility).async {
            let result = Result { () throws -> JournalSyncReport in
                try workspace.ready()
                return try JournalSync(store: store, folder: folder).run()
            }
            self.lock.withLock { self.result = result }
        }
    }

    /// The lines to show once the sync has finished (once; empty while it runs, or when
    /// nothing arrived).
    func takeAnnouncement() -> [String] {
        let result: Result<JournalSyncReport, any Error>? = lock.withLock {
            guard !announced, let result = self.result else { return nil }
            announced = true
            return result
        }
        switch result {
        case nil: return []
        case .failure(let error)?:
            return [
                "warning: sync through \(Sanitizer.clean(folder, keepNewlines: false)) failed: "
                    + Sanitizer.clean("\(error)")
            ]
        case .success(let report)?:
            var lines = report.problems.map { "warning: " + Sanitizer.clean($0.description, keepNewlines: false) }
            lines += report.notes.map { "note: " + Sanitizer.clean($0, keepNewlines: false) }
            if let arrivals = SyncCommand.arrivals(report) {
                lines.append("Sync: " + arrivals.prefix(1).lowercased() + arrivals.dropFirst())
            }
            return lines
        }
    }

    /// Starts `recall sync --quiet --log LOG` for `store` through `folder` in a process of
    /// its own that outlives this one: the last answers reach the folder without the prompt
    /// waiting, and its outcome goes to `logPath` (the next prompt tells of a problem there).
    static func detach(storePath: String, folder: String, deckDirectories: [String], logPath: String) {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            ["sync", folder, "--quiet", "--log", logPath, "--store", storePath]
            + deckDirectories.flatMap { ["--decks", $0] }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
