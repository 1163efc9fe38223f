import ArgumentParser
import Decks
import Foundation

/// `recall decks`: List the decks recall can find.
struct DecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks recall can find.",
        discussion: """
            Looks in the bundled decks, then $XDG_DATA_HOME/recall/decks (default \
            ~/.local/share/recall/decks), then every --decks DIR. A broken deck is reported \
            on standard error and left out; `recall check` shows every problem.
            """
    )

    @Flag(help: "Print a JSON array of {id, title, cards, file} for scripts.")
    var json = false

    @OptionGroup var deckOptions: DeckOptions

    /// One row of the listing.
    struct Row: Encodable {
        var id: String
        var title: String
        var cards: Int
        var file: String
    }

    mutating func run() throws {
        let decks = deckOptions.loadDecks()
        let rows = decks.map { Row(id: $0.id, title: $0.title, cards: $0.cards.count, file: $0.file ?? "") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        guard !rows.isEmpty else {
            print("No decks found. Put deck files in \(deckOptions.searchDirectories.user) or pass --decks DIR.")
            return
        }
        print(DecksCommand.table(rows))
    }

    /// The rows as an aligned table with a header.
    static func table(_ rows: [Row]) -> String {
        let header = ["ID", "TITLE", "CARDS", "FILE"]
        let cells = [header] + rows.map { [$0.id, $0.title.replacingOccurrences(of: "\n", with: " "), String($0.cards), $0.file] }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return cells.map { row in
            row.enumerated().map { column, cell in
                if column == header.count - 1 { return cell }
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 2 ? padding + cell : cell + padding  // numbers right-aligned
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
