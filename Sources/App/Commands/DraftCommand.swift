import ArgumentParser
import Decks
import Drafting
import Foundation
import Terminal

/// `recall draft SUMMARY [-o FILE] [--id ID] [--title T] [--types LIST] [--max N]`: a draft
/// deck from a plot, character and theme summary.
struct DraftCommand: RecallCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft a deck from a plot, character and theme summary (plain text or Markdown).",
        discussion: """
            Reads headings (Markdown #, underlined, Chapter/Part/Act N, ALL CAPS or a short line \
            on its own), paragraphs, bullets and entry lines ("Name: description", \
            "Name — description", "Name - description"). Character and term entries give \
            "Who is described here?" typed and choice cards and a reversed basic card; \
            sentences give cloze deletions of their names, numbers, titles or rare words, and a \
            true statement with its false twin; theme sections give "How does the text treat \
            THEME?"; a quotation with its speaker gives "Who says …?". Every card names its \
            line (location "line N (Heading)"), quotes it in its explanation, and is tagged \
            with its headings and "draft"; its id comes from its sentence, so drafting again \
            keeps the ids of unchanged sentences. The same summary always gives the same \
            bytes. The deck goes to standard output, or to -o FILE (never over an existing \
            file unless --force). Check each card before you study it.
            """
    )

    @Argument(
        help: ArgumentHelp("The summary: a plain-text or Markdown file.", valueName: "summary"), completion: .file())
    var summary: String

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write the deck to this file instead of standard output.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var output: String?

    @Option(help: ArgumentHelp("The deck's id (default: from the summary's file name).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The deck's title (default: the summary's first heading).", valueName: "title"))
    var title: String?

    @Option(
        help: ArgumentHelp(
            "The card types to draft, separated by commas (default: all of cloze,typed,choice,truefalse,basic).",
            valueName: "types"),
        completion: .list(DraftCardType.allCases.map(\.rawValue)))
    var types: String?

    @Option(
        help: ArgumentHelp("At most this many cards, spread evenly over the summary.", valueName: "n"),
        transform: { try OptionValue.wholeNumber($0, in: 1...1_000_000) })
    var max: Int?

    @Flag(help: "Replace the -o file if it exists.")
    var force = false

    /// The largest summary read (a summary of a whole book is far smaller).
    static let maximumBytes = 16 << 20

    func run(in context: CommandContext) throws {
        let options = try draftOptions()
        let bytes = try Self.read(summary)
        let deck: Deck
        do {
            deck = try Drafter.draft(bytes: bytes, file: summary, options: options)
        } catch {
            throw DraftCommandError(message: "\(summary): \(error)")
        }
        let json = DeckJSON.text(of: deck)
        // The draft must pass `recall check`; a problem here is a bug in the drafter.
        if let problem = DeckLoader.load(json: json, file: output ?? "draft.json").problems.first {
            throw DraftCommandError(message: "the draft does not pass recall check (please report this): \(problem)")
        }
        guard let output else {
            context.console.say(String(json.dropLast()))
            return
        }
        try Self.write(json, to: output, replacing: force)
        context.console.tell(Self.report(deck, from: summary, to: output))
    }

    /// The options, checked: a usage error names what is wrong.
    func draftOptions() throws -> DraftOptions {
        var options = DraftOptions(maxCards: max)
        if let id {
            guard TextRules.isSlug(id) else {
                throw UsageError(
                    "--id \(Self.quoted(id)) is not a deck id: use \(TextRules.slugRule), at most \(TextRules.maximumSlugLength) characters"
                )
            }
            options.deckID = id
        }
        if let title {
            let cleaned = Sanitizer.clean(title, keepNewlines: false).trimmingCharacters(in: .whitespaces)
            guard !cleaned.isEmpty else { throw UsageError("--title must not be empty") }
            options.title = cleaned
        }
        if let types {
            switch DraftCardType.parseList(types) {
            case .success(let set): options.types = set
            case .failure(let error): throw UsageError(error.description)
            }
        }
        return options
    }

    /// The bytes of the summary file: a regular file of at most `maximumBytes`.
    static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DraftCommandError(message: "\(path): no such file")
        }
        if isDirectory.boolValue { throw DraftCommandError(message: "\(path): is a directory, not a summary file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DraftCommandError(message: "\(path): cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw DraftCommandError(message: "\(path): cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maximumBytes else {
            throw DraftCommandError(message: "\(path): is larger than 16 MB; a summary should be far shorter")
        }
        return [UInt8](data)
    }

    /// Writes the deck to `path` through a temporary file in the same directory, so that an
    /// interrupted run never leaves half a deck; an existing file is kept unless `replacing`.
    static func write(_ json: String, to path: String, replacing: Bool) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw DraftCommandError(message: "\(path): is a directory; give a file name with -o")
            }
            guard replacing else {
                throw DraftCommandError(
                    message: "\(path) exists: pass --force to replace it, or choose another -o file")
            }
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).draft-\(getpid())")
        do {
            try Data(json.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw DraftCommandError(message: "\(path): cannot be written: \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DraftCommandError(message: "\(path): cannot be written: \(reason)")
        }
    }

    /// "Drafted 98 cards (29 cloze, …) from gatsby.md into gatsby.json. …"
    static func report(_ deck: Deck, from summary: String, to output: String) -> String {
        var counts: [String: Int] = [:]
        for card in deck.cards { counts[card.content.typeName, default: 0] += 1 }
        let parts = DeckFormat.cardTypes.compactMap { type in counts[type].map { "\($0) \(type)" } }
        let cards = deck.cards.count == 1 ? "1 card" : "\(deck.cards.count) cards"
        let from = Sanitizer.clean(summary, keepNewlines: false)
        let to = Sanitizer.clean(output, keepNewlines: false)
        return "Drafted \(cards) (\(parts.joined(separator: ", "))) from \(from) into \(to). Check and edit them, "
            + "then put the file in a deck folder (or pass --decks DIR) and study them with --tag draft."
    }

    /// A value quoted for a message, control characters removed.
    static func quoted(_ text: String) -> String {
        "\"" + Sanitizer.clean(text, keepNewlines: false) + "\""
    }
}

/// A failure of `recall draft`: printed as `error: MESSAGE`, exit status 1.
struct DraftCommandError: Error, CustomStringConvertible {
    /// What went wrong, with the file it concerns.
    let message: String

    var description: String { message }
}
