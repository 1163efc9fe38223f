import Foundation

/// Loads and validates one deck file.
///
/// Every problem is collected (not just the first); a JSON syntax error ends the file,
/// since nothing after it can be trusted. The deck is returned only when there is no
/// problem at all.
public enum DeckLoader {
    /// Loads the deck file at `path`; `path` is also how the file is named in messages.
    public static func load(file path: String) -> DeckLoadResult {
        switch readFile(path) {
        case .success(let bytes):
            return load(bytes: bytes, file: path)
        case .failure(let problem):
            return DeckLoadResult(file: path, problems: [problem])
        }
    }

    /// The bytes of a regular file, read straight into an array (no intermediate `Data`).
    ///
    /// The file is opened without blocking and checked to be a regular file before
    /// anything is read, so a FIFO, socket or device named `x.json` is reported instead of
    /// blocking recall forever.
    private static func readFile(_ path: String) -> Result<[UInt8], DeckProblem> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let message: String
            switch errno {
            case ENOENT: message = "no such file"
            case EISDIR: message = "is a directory, not a deck file"
            case ENXIO: message = "is not a regular file"  // a socket, or a FIFO nobody writes to
            default: message = "cannot be read (\(String(cString: strerror(errno))))"
            }
            return .failure(DeckProblem(file: path, message: message))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(DeckProblem(file: path, message: "cannot be read (\(String(cString: strerror(errno))))"))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(DeckProblem(file: path, message: "is a directory, not a deck file"))
        default: return .failure(DeckProblem(file: path, message: "is not a regular file"))
        }
        // Reads of a regular file never block; clear the flag all the same.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
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
        return .success(bytes)
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
