import ArgumentParser
import DeviceSync
import Foundation
import Progress
import Terminal

/// `recall sync [DIR] [--new-device]`: exchanges study progress with other machines
/// through a folder that git, Syncthing, Dropbox or a network share replicates.
struct SyncCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange study progress with your other machines through a shared folder.",
        discussion: """
            Appends this machine's new answers, undos and settings changes to its own journal, \
            DIR/recall/DEVICE-ID.jsonl, then reads the other machines' journals and merges what \
            is new: each card studied elsewhere is rescheduled by replaying all its answers in \
            time order. Files are only ever appended to, each by one machine, so git, Syncthing \
            or Dropbox never see a conflict. Without DIR, uses the folder set with \
            'settings --sync-dir DIR'. Unreadable journal lines are reported as FILE:LINE: and \
            skipped. Exit status 0 when the sync completed, 1 when it failed (nothing is lost: \
            run it again).
            """
    )

    @Argument(
        help: ArgumentHelp("The sync folder (default: the one set with 'settings --sync-dir').", valueName: "dir"),
        completion: .directory)
    var folder: String?

    @Flag(
        name: .customLong("new-device"),
        help: "Give this store a new device id first (when its file was copied from another machine).")
    var newDevice = false

    @Flag(help: "Print a JSON object describing what was sent and received.")
    var json = false

    @Flag(name: .customLong("quiet"), help: "Print only problems.")
    var quiet = false

    @Option(
        name: .customLong("log"),
        help: ArgumentHelp(
            "Also append the outcome (what was sent and received, problems, errors) to this file, kept under 64 KiB.",
            valueName: "file"),
        completion: .file())
    var logFile: String?

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    func run(in context: CommandContext) throws {
        guard let logFile else {
            try sync(in: context, resolvedFolder: { _ in })
            return
        }
        let log = SyncLog(path: Self.absolute(logFile))
        var usedFolder = folder.map(Self.absolute) ?? "the configured folder"
        do {
            let (report, journal) = try sync(in: context, resolvedFolder: { usedFolder = $0 })
            var lines = report.problems.map { "warning: " + $0.description } + report.notes.map { "note: " + $0 }
            lines += Self.summary(report, journal: journal)
            log.append(
                folder: usedFolder, outcome: report.problems.isEmpty ? .ok : .problems(report.problems.count),
                lines: lines)
        } catch {
            log.append(folder: usedFolder, outcome: .failed, lines: ["error: \(error)"])
            throw error
        }
    }

    /// Syncs and prints what happened; calls `resolvedFolder` with the folder once known.
    ///
    /// - Returns: what the sync did, and the path of this machine's journal.
    @discardableResult
    private func sync(
        in context: CommandContext, resolvedFolder: (String) -> Void
    ) throws -> (report: JournalSyncReport, journal: String) {
        let store = try context.workspace().store
        guard let folder = try folder.map(Self.absolute) ?? store.syncFolder() else {
            throw UsageError(DeviceSyncError.noFolder.description)
        }
        resolvedFolder(folder)
        let sync = JournalSync(store: store, folder: folder)
        let console = context.console
        if newDevice {
            let (old, new) = try sync.newDevice()
            if !quiet && !json { console.tell("This store is now device \(new) (it was \(old)).") }
        }
        // A large merge takes seconds: a bar on a terminal says how far it has got.
        let bar = ProgressBar("syncing", console: console, wanted: !quiet)
        defer { bar.finish() }
        let report = try sync.run { progress in
            switch progress.stage {
            case .reading: bar.update("reading journals", done: progress.done, of: progress.total)
            case .merging: bar.update("merging answers", done: progress.done, of: progress.total)
            case .indexing: bar.update("building indexes", done: 0, of: 0)
            }
        }
        bar.finish()
        for problem in report.problems {
            console.fail("warning: " + Sanitizer.clean(problem.description, keepNewlines: false))
        }
        for note in report.notes { console.fail("note: " + Sanitizer.clean(note, keepNewlines: false)) }
        if json {
            console.say(try JSONText.encode(Report(report, journal: sync.journalPath(of: report.deviceID))))
        } else if !quiet {
            for line in Self.summary(report, journal: sync.journalPath(of: report.deviceID)) { console.say(line) }
        }
        return (report, sync.journalPath(of: report.deviceID))
    }

    /// `path` made absolute (relative to the current folder), `~` expanded.
    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded) as NSString)
            .standardizingPath
    }

    /// The lines that say what a sync did.
    static func summary(_ report: JournalSyncReport, journal: String) -> [String] {
        var lines: [String] = []
        if report.rewroteJournal {
            lines.append(
                "Rewrote this machine's journal \(Sanitizer.clean(journal, keepNewlines: false)) from the store (it was missing)."
            )
        }
        lines.append(
            report.sent == 0
                ? "Nothing new to send."
                : "Sent \(count(report.sent, "event")) to \(Sanitizer.clean(journal, keepNewlines: false)).")
        lines.append(arrivals(report) ?? "Nothing new arrived.")
        if report.waiting > 0 {
            lines.append(
                "\(count(report.waiting, "answer")) \(report.waiting == 1 ? "waits" : "wait") for decks or cards this machine "
                    + "does not have yet; \(report.waiting == 1 ? "it applies" : "they apply") when they arrive.")
        }
        return lines
    }

    /// "Received 12 answers, 1 undo and 1 settings change from 2 machines.", or nil when nothing arrived.
    static func arrivals(_ report: JournalSyncReport) -> String? {
        guard report.receivedAnything else { return nil }
        var parts: [String] = []
        if report.receivedReviews > 0 { parts.append(count(report.receivedReviews, "answer")) }
        if report.receivedUndos > 0 { parts.append(count(report.receivedUndos, "undo")) }
        if report.receivedSettings > 0 { parts.append(count(report.receivedSettings, "settings change")) }
        let list =
            parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1] : parts[0]
        let machines = max(1, report.fromDevices.count)
        return "Received \(list) from \(count(machines, "other machine"))."
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The `--json` output.
    struct Report: Encodable {
        var device: String
        var journal: String
        var sent: Int
        var receivedReviews: Int
        var receivedUndos: Int
        var receivedSettings: Int
        var waiting: Int
        var fromDevices: [String]
        var rescheduledItems: Int
        var rewroteJournal: Bool
        var problems: [String]
        var notes: [String]

        init(_ report: JournalSyncReport, journal: String) {
            device = report.deviceID
            self.journal = Sanitizer.clean(journal, keepNewlines: false)
            sent = report.sent
            receivedReviews = report.receivedReviews
            receivedUndos = report.receivedUndos
            receivedSettings = report.receivedSettings
            waiting = report.waiting
            fromDevices = report.fromDevices
            rescheduledItems = report.recomputedItems
            rewroteJournal = report.rewroteJournal
            problems = report.problems.map { Sanitizer.clean($0.description, keepNewlines: false) }
            notes = report.notes.map { Sanitizer.clean($0, keepNewlines: false) }
        }
    }
}
