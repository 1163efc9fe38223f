import Anki
import ArgumentParser
import Decks
import Foundation
import Progress
import Terminal

/// `recall export [DECK...] -o FILE.apkg [--no-progress] [--format apkg|text]`: decks and
/// progress to Anki.
struct ExportCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export decks, with their schedule and history, as an Anki package (.apkg) or text file.",
        discussion: """
            One Anki deck per recall deck; every card as a note (basic, typed and cloze as \
            Anki's own kinds, choice and true/false as basic cards), review history as Anki's \
            review log, schedules and FSRS memory states as they are in recall. Exporting \
            again and importing into Anki updates the same notes. --no-progress exports the \
            cards alone, to share; --format text writes Anki's text import format (cards only).
            """
    )

    @Argument(help: ArgumentHelp("The decks to export (default: every deck).", valueName: CompletionValue.deck))
    var decks: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file"), completion: .file())
    var output: String

    @Flag(name: .customLong("no-progress"), help: "Export the cards alone, as new cards, without history.")
    var noProgress = false

    @Option(
        help: ArgumentHelp("apkg (the default) or text (the default for a .txt or .csv file).", valueName: "format"),
        completion: .list(AnkiExportOptions.Format.allCases.map(\.rawValue)),
        transform: { text in
            guard let format = AnkiExportOptions.Format(rawValue: text) else {
                throw OptionValue.ValueError(expected: "apkg or text")
            }
            return format
        })
    var format: AnkiExportOptions.Format?

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    func run(in context: CommandContext) throws {
        let chosen = try context.chosenDecks(decks)
        let ext = (output as NSString).pathExtension.lowercased()
        let format = format ?? (["txt", "csv", "tsv"].contains(ext) ? .text : .apkg)
        let store = noProgress || format == .text ? nil : try context.existingStore(verified: false)
        // A large history takes seconds: a bar on a terminal says how far the export has got.
        let bar = ProgressBar("exporting", console: context.console)
        defer { bar.finish() }
        let summary = try AnkiExporter.export(
            chosen, store: store, to: output,
            options: AnkiExportOptions(format: format, includeProgress: !noProgress, now: context.clock()),
            progress: { progress in
                bar.update(Self.label(of: progress.stage), done: progress.done, of: progress.total)
            })
        bar.finish()
        context.console.output.line(Sanitizer.clean("wrote \(output): \(summary.line)"))
    }

    /// What the progress bar calls a stage of the export.
    static func label(of stage: AnkiExportStage) -> String {
        switch stage {
        case .reading: "reading the history"
        case .notes: "writing notes and cards"
        case .reviews: "writing the review log"
        case .indexing: "building indexes"
        case .compressing: "compressing"
        }
    }
}
