import Foundation

/// Loads and validates one deck file.
///
/// Every problem is collected (not just the first); a JSON syntax error ends the file,
/// since nothing after it can be trusted. The deck is returned only when there is no
/// problem at all.
public enum DeckLoader {
    /// Loads the deck file at `path`; `path` is also how the file is named in messages.
    public static func load(file path: String) -> DeckLoadResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let message =
                !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                ? "no such file" : isDirectory.boolValue ? "is a directory, not a deck file" : "cannot be read"
            return DeckLoadResult(file: path, problems: [DeckProblem(file: path, message: message)])
        }
        return load(bytes: [UInt8](data), file: path)
    }

    /// Loads a deck from the bytes of a file named `file` in messages.
    public static func load(bytes: [UInt8], file: String) -> DeckLoadResult {
        var validator = DeckValidator(file: file, bytes: bytes)
        let root: JSONNode
        var recovered: [JSONSyntaxError] = []
        do throws(JSONSyntaxError) {
            root = try JSONParser.parse(bytes, recovered: &recovered)
        } catch {
            for syntaxError in recovered { validator.report(syntaxError) }
            validator.report(error)
            return DeckLoadResult(file: file, problems: validator.sortedProblems)
        }
        for syntaxError in recovered { validator.report(syntaxError) }
        var deck = validator.validate(root)
        if !recovered.isEmpty { deck = nil }
        var deckID: String?
        if case .object(let members) = root.value, let id = members.first(where: { $0.key == "id" }),
            case .string(let string) = id.value.value
        {
            deckID = string
        }
        var idLocation: (line: Int, column: Int)?
        if let offset = validator.idOffset {
            var locator = SourceLocator(bytes: bytes)
            idLocation = locator.location(of: offset)
        }
        return DeckLoadResult(
            file: file, deck: deck, problems: validator.sortedProblems, cardCount: validator.cardCount,
            deckID: deckID, idLocation: idLocation)
    }

    /// Loads a deck from JSON text (for tests and tools); `file` names it in messages.
    public static func load(json: String, file: String = "deck.json") -> DeckLoadResult {
        load(bytes: Array(json.utf8), file: file)
    }
}
