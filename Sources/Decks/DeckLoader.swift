import Foundation

/// Loads and validates one deck file.
///
/// Every problem is collected (not just the first); a JSON syntax error ends the file,
/// since nothing after it can be trusted. The deck is returned only when there is no
/// problem at all.
public enum DeckLoader {
    /// Loads the deck file at `path`; `path` is also how the file is named in messages.
    public static func load(file path: String) -> DeckLoadResult {
        guard let bytes = readFile(path) else {
            var isDirectory: ObjCBool = false
            let message =
                !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                ? "no such file" : isDirectory.boolValue ? "is a directory, not a deck file" : "cannot be read"
            return DeckLoadResult(file: path, problems: [DeckProblem(file: path, message: message)])
        }
        return load(bytes: bytes, file: path)
    }

    /// The bytes of a regular file, read straight into an array (no intermediate `Data`).
    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + total }, buffer.count - total)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            total += count
        }
        // A file that changed size while being read: keep what was read, then any rest.
        if total < bytes.count { bytes.removeLast(bytes.count - total) }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// Loads a deck from the bytes of a file named `file` in messages.
    public static func load(bytes: [UInt8], file: String) -> DeckLoadResult {
        let validator = DeckValidator(file: file, bytes: bytes)
        let root: JSONNode
        var recovered: [JSONSyntaxError] = []
        do throws(JSONSyntaxError) {
            root = try JSONParser.parse(bytes, recovered: &recovered, cardSink: validator.acceptCard)
        } catch {
            for syntaxError in recovered { validator.report(syntaxError) }
            validator.report(error)
            return DeckLoadResult(file: file, problems: validator.sortedProblems)
        }
        var deck = validator.validate(root)
        for syntaxError in recovered { validator.report(syntaxError) }
        if !recovered.isEmpty { deck = nil }
        var deckID: String?
        if case .object(let members) = root.value, let id = members.first(where: { $0.key == "id" }),
            case .string(let string) = id.value.value
        {
            deckID = string
        }
        var idLocation: (line: Int, column: Int)?
        if let offset = validator.idOffset {
            idLocation = SourceLocator.location(of: offset, in: bytes)
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
