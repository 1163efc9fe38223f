import ArgumentParser
import Decks
import Foundation
import Progress
import Scheduling
import Terminal

/// `settings [DECK] [--scheduler fsrs|sm2] [--retention R] [--new-per-day N]
/// [--bury-siblings on|off]`: shows a
/// deck's settings (every deck's without one), and changes them when options are given
/// (every deck's without a deck).
struct SettingsCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "View or change the scheduler, desired retention, new cards per day and sibling burying.",
        discussion: """
            Without options, shows the settings; with options, changes them, for the deck \
            named or, without a deck, for every deck. With --bury-siblings on (the default), \
            answering one side of a card in a study session (a card's reverse, one cloze \
            deletion of several) keeps its other sides for the next study day, as Anki does.
            """
    )

    @Argument(help: ArgumentHelp("The deck (default: every deck).", valueName: CompletionValue.deck))
    var deck: String?

    @Option(
        help: ArgumentHelp("The algorithm: fsrs (FSRS-6, the default) or sm2 (Anki's SM-2).", valueName: "name"),
        completion: .list(SchedulerKind.allCases.map(\.rawValue)), transform: OptionValue.scheduler)
    var scheduler: SchedulerKind?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("FSRS's desired retention, from 0.7 to 0.99 (default 0.9).", valueName: "r"),
        transform: OptionValue.retention)
    var retention: Double?

    @Option(
        name: .customLong("new-per-day"), parsing: .unconditional,
        help: ArgumentHelp("New cards introduced per day, 0 to 9999 (default 20).", valueName: "n"),
        transform: { try OptionValue.wholeNumber($0, in: OptionValue.newPerDayRange) })
    var newPerDay: Int?

    @Option(
        name: .customLong("bury-siblings"),
        help: ArgumentHelp(
            "Whether answering one side of a card keeps its other sides for the next day: on (default) or off.",
            valueName: "on|off"),
        completion: .list(["on", "off"]), transform: OptionValue.onOff)
    var burySiblings: Bool?

    @Option(
        name: .customLong("sync-dir"),
        help: ArgumentHelp(
            "The folder 'sync' uses by default; the prompt then syncs through it when it starts and quits ('' for none).",
            valueName: "dir"),
        completion: .directory)
    var syncDir: String?

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    /// Whether anything changes (otherwise the settings are only shown).
    var changesSomething: Bool {
        scheduler != nil || retention != nil || newPerDay != nil || burySiblings != nil
    }

    func run(in context: CommandContext) throws {
        let decks = try context.chosenDecks(deck.map { [$0] } ?? [])
        let store = try context.workspace().store
        let console = context.console
        if let syncDir {
            try store.setSyncFolder(syncDir.isEmpty ? nil : SyncCommand.absolute(syncDir))
            console.tell(try Self.syncFolderLine(store))
            guard changesSomething || deck != nil else { return }
        }
        if changesSomething {
            for deck in decks {
                var settings = try store.settings(for: deck.id)
                if let scheduler { settings.scheduler.kind = scheduler }
                if let retention { settings.scheduler.desiredRetention = retention }
                if let newPerDay { settings.newCardsPerDay = newPerDay }
                if let burySiblings { settings.burySiblings = burySiblings }
                try settings.scheduler.validate()
                try store.saveSettings(settings, for: deck.id)
            }
            console.say("Saved for \(deck == nil ? "every deck" : Sanitizer.clean(decks[0].id, keepNewlines: false)).")
        }
        let rows = try decks.map { deck in (deck, try store.settings(for: deck.id)) }
        console.say(table(rows, style: console.style))
        for (deck, settings) in rows {
            guard let parameters = settings.scheduler.parameters else { continue }
            console.say(
                "FSRS parameters of \(Sanitizer.clean(deck.id, keepNewlines: false)): "
                    + parameters.map { String(format: "%.4f", $0) }.joined(separator: ", "))
        }
        if !changesSomething {
            if syncDir == nil { console.tell(try Self.syncFolderLine(store)) }
            let example = deck.map { Sanitizer.clean($0, keepNewlines: false) + " " } ?? ""
            console.tell(
                console.style.dim(
                    "Change with: settings \(example)--scheduler fsrs|sm2 --retention 0.9 --new-per-day 20 --bury-siblings on|off"
                        + (deck == nil ? " (without a deck: every deck)" : "")))
        }
    }

    /// "Sync folder: DIR (...)" or "No sync folder (...)".
    static func syncFolderLine(_ store: ProgressStore) throws -> String {
        guard let folder = try store.syncFolder() else {
            return "No sync folder (set one with: settings --sync-dir DIR)."
        }
        return
            "Sync folder: \(Sanitizer.clean(folder, keepNewlines: false)) ('sync' uses it; the prompt syncs at start and quit)."
    }

    /// The settings as an aligned table, one deck per row.
    func table(_ rows: [(Deck, DeckSettings)], style: Style) -> String {
        let header = ["DECK", "SCHEDULER", "RETENTION", "NEW/DAY", "SIBLINGS"]
        let cells = rows.map { deck, settings in
            [
                Sanitizer.clean(deck.id, keepNewlines: false), settings.scheduler.kind.rawValue,
                settings.scheduler.kind == .fsrs ? String(format: "%.2f", settings.scheduler.desiredRetention) : "-",
                String(settings.newCardsPerDay), settings.burySiblings ? "buried" : "kept",
            ]
        }
        return Table.render(header: header, rows: cells, style: style)
    }
}
