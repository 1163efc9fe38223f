import Anki
import ArgumentParser
import Decks
import Foundation
import Progress
import Terminal

/// `recall import FILE [--into DIR] [--deck-prefix ID] [--force]`: Anki packages and text
/// exports, with their history, into decks and the progress store.
struct ImportCommand: RecallCommand, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an Anki package (.apkg, .colpkg) or Anki text export, with its review history.",
        discussion: """
            Writes one deck file per Anki deck that has cards (into your decks folder, or \
            --into DIR), its media into DECK.media/ beside it, and every review, card state \
            and deck option into the progress store. All of it is written, or nothing. Card \
            ids come from the notes' guids, so importing the same package again updates \
            those cards and keeps their progress. A deck file recall did not import is never \
            overwritten without --force.
            """
    )

    @Argument(help: ArgumentHelp("The .apkg, .colpkg, .txt or .csv file.", valueName: "file"), completion: .file())
    var file: String

    @Option(
        help: ArgumentHelp("Write the decks here (default: your decks folder).", valueName: "dir"),
        completion: .directory)
    var into: String?

    @Option(
        name: .customLong("deck-prefix"),
        help: ArgumentHelp("Start every imported deck id with this id and a hyphen.", valueName: "id"))
    var deckPrefix: String?

    @Flag(help: "Overwrite deck files of the same ids that recall did not import.")
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let deckPrefix, !TextRules.isSlug(deckPrefix) {
            throw ValidationError("--deck-prefix \"\(deckPrefix)\" is not an id (\(TextRules.slugRule))")
        }
    }

    func run(in context: CommandContext) throws {
        let folder = into ?? context.searchDirectories.user
        let store = try ProgressStore(path: context.storePath)
        try store.verify()
        // A large collection takes seconds: a bar on a terminal says how far the import has got.
        let bar = ProgressBar("importing", console: context.console)
        defer { bar.finish() }
        let summary = try AnkiImporter.importFile(
            file,
            options: AnkiImportOptions(
                decksDirectory: folder, deckPrefix: deckPrefix, force: force, now: context.clock()),
            store: store,
            progress: { progress in
                bar.update(Self.label(of: progress.stage), done: progress.done, of: progress.total)
            })
        bar.finish()
        for warning in summary.warnings { context.console.errors.line(Sanitizer.clean("warning: " + warning)) }
        for deckFile in summary.deckFiles { context.console.output.line(Sanitizer.clean("wrote \(deckFile)")) }
        context.console.output.line(Sanitizer.clean("imported \(summary.line)"))
        if let into, !summary.deckFiles.isEmpty, !Self.isDeckFolder(into, of: context.searchDirectories) {
            context.console.errors.line(
                Sanitizer.clean(
                    "note: recall does not look for decks in \(into): pass --decks \(into) to study them, "
                        + "or import into \(context.searchDirectories.user) (the default)"))
        }
        // At the prompt, the new decks are there for the next command.
        let written = Set(
            summary.deckFiles.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
        try context.reloadDecks(syncing: written)
    }

    /// What the progress bar calls a stage of the import.
    static func label(of stage: AnkiImportStage) -> String {
        switch stage {
        case .unpacking: "unpacking the package"
        case .reading: "reading notes and reviews"
        case .converting: "converting notes"
        case .adding: "adding cards"
        case .reviews: "adding reviews"
        case .indexing: "building indexes"
        }
    }

    /// Whether `folder` is one of the folders recall reads decks from.
    static func isDeckFolder(_ folder: String, of directories: DeckDirectories) -> Bool {
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let wanted = canonical(folder)
        return directories.all.contains { canonical($0) == wanted }
    }
}
