import ArgumentParser
import Decks
import Foundation
import Terminal

/// `recall check`: Validate decks and report every problem with its file, line and column.
struct CheckCommand: RecallCommand, ReadsDecks {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate decks and report every problem with its file, line and column.",
        discussion: """
            Prints every problem as FILE:LINE:COLUMN: error: card "ID": message (or warning: for \
            something likely wrong that does not stop the deck loading, such as an invisible \
            character in a prompt), then a summary line ("3 decks, 212 cards, 0 errors"; cards as \
            written, not study items). Exits 1 when there is any error, else 0.
            """
    )

    @Argument(
        help: ArgumentHelp("Deck files or directories to check (default: every deck recall finds).", valueName: "path"),
        completion: .file(extensions: ["json"]))
    var paths: [String] = []

    @Flag(
        help:
            "Print a JSON object {decks, cards, errors, warnings, problems: [{file, line, column, card, severity, message}]}."
    )
    var json = false

    @OptionGroup var deckOptions: DeckOptions

    /// The `--json` report.
    struct Report: Encodable {
        /// One problem; `line`, `column` and `card` are null when they do not apply.
        struct Problem: Encodable {
            var file: String
            var line: Int?
            var column: Int?
            var card: String?
            var severity: String
            var message: String

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(file, forKey: .file)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(card, forKey: .card)
                try container.encode(severity, forKey: .severity)
                try container.encode(message, forKey: .message)
            }

            enum CodingKeys: String, CodingKey {
                case file, line, column, card, severity, message
            }
        }

        var decks: Int
        var cards: Int
        var errors: Int
        var warnings: Int
        var problems: [Problem]
    }

    func run(in context: CommandContext) throws {
        let catalog =
            paths.isEmpty
            ? DeckCatalog.discover(context.searchDirectories) : DeckCatalog.load(paths: paths + context.deckDirectories)
        let console = context.console
        if json {
            let report = Report(
                decks: catalog.results.count, cards: catalog.cardCount, errors: catalog.errors.count,
                warnings: catalog.warnings.count,
                problems: catalog.problems.map {
                    Report.Problem(
                        file: Sanitizer.clean($0.file, keepNewlines: false), line: $0.line, column: $0.column,
                        card: ($0.cardID ?? $0.cardNumber.map { "#\($0)" }).map {
                            Sanitizer.clean($0, keepNewlines: false)
                        },
                        severity: $0.severity.rawValue, message: Sanitizer.clean($0.message))
                })
            console.say(try JSONText.encode(report))
        } else {
            var output = ""
            for problem in catalog.problems { output += Sanitizer.clean("\(problem)", keepNewlines: false) + "\n" }
            output += CheckCommand.summary(
                decks: catalog.results.count, cards: catalog.cardCount, errors: catalog.errors.count,
                warnings: catalog.warnings.count)
            console.say(output)
        }
        if !catalog.errors.isEmpty { throw ExitCode.failure }
    }

    /// The last line: "3 decks, 212 cards, 0 errors" (and ", 2 warnings" when there are any).
    static func summary(decks: Int, cards: Int, errors: Int, warnings: Int = 0) -> String {
        func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
        let parts = [count(decks, "deck"), count(cards, "card"), count(errors, "error")]
        return (parts + (warnings > 0 ? [count(warnings, "warning")] : [])).joined(separator: ", ")
    }
}
