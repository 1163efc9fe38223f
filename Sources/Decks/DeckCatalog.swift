import Foundation

/// All the decks recall can find, loaded and validated, with every problem found.
///
/// A broken deck is reported (its problems are in `problems`) and skipped; when two files
/// define the same deck id, the first one found wins and the second is reported.
///
///     let catalog = DeckCatalog.discover(DeckDirectories.standard(user: userDecks, extra: ["more-decks"]))
///     for problem in catalog.problems { printToStandardError(problem) }
///     let decks = catalog.decks
public struct DeckCatalog: Sendable {
    /// Every file looked at, in search order, with what loading it gave.
    public var results: [DeckLoadResult]
    /// The valid decks, without duplicates, in search order.
    public var decks: [Deck]
    /// Every problem: of broken decks, duplicate ids, missing paths. In search order.
    public var problems: [DeckProblem]

    /// The problems that are errors (a deck with one is skipped).
    public var errors: [DeckProblem] { problems.filter(\.isError) }

    /// The problems that are only warnings.
    public var warnings: [DeckProblem] { problems.filter { !$0.isError } }

    /// The deck with this id, if it was loaded.
    public func deck(id: String) -> Deck? {
        decks.first { $0.id == id }
    }

    /// The number of cards as written in every file looked at, broken or not.
    public var cardCount: Int {
        results.reduce(0) { $0 + $1.cardCount }
    }

    /// Loads the decks in the standard directories. The bundled and user directories may
    /// be missing; an extra directory that does not exist is a problem.
    public static func discover(
        _ directories: DeckDirectories,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> DeckCatalog {
        var files: [String] = []
        var problems: [DeckProblem] = []
        for directory in directories.all {
            let required = directories.extra.contains(directory)
            switch deckFiles(inDirectory: absolute(directory, in: currentDirectory)) {
            case .success(let found): files += found
            case .failure(var problem):
                problem.file = directory  // as given
                if required { problems.append(problem) }
            }
        }
        return load(files: files, problems: problems, currentDirectory: currentDirectory)
    }

    /// Loads the given files and directories (the decks directly in each directory); a
    /// path that does not exist is a problem.
    public static func load(
        paths: [String], currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> DeckCatalog {
        var files: [String] = []
        var problems: [DeckProblem] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard
                FileManager.default.fileExists(atPath: absolute(path, in: currentDirectory), isDirectory: &isDirectory)
            else {
                problems.append(DeckProblem(file: path, message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                switch deckFiles(inDirectory: absolute(path, in: currentDirectory)) {
                case .success(let found): files += found
                case .failure(var problem):
                    problem.file = path
                    problems.append(problem)
                }
            } else {
                files.append(path)
            }
        }
        return load(files: files, problems: problems, currentDirectory: currentDirectory)
    }

    /// The deck files directly in `directory`: `*.json` except `schema.json` and hidden
    /// files, sorted by name.
    public static func deckFiles(inDirectory directory: String) -> Result<[String], DeckProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return .failure(DeckProblem(file: directory, message: "no such directory"))
        }
        guard isDirectory.boolValue else {
            return .failure(DeckProblem(file: directory, message: "is not a directory"))
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return .failure(DeckProblem(file: directory, message: "cannot read the directory"))
        }
        let decks = names.filter { $0.hasSuffix(".json") && $0 != "schema.json" && !$0.hasPrefix(".") }.sorted()
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return .success(decks.map { prefix + $0 })
    }

    private static func load(files: [String], problems initial: [DeckProblem], currentDirectory: String) -> DeckCatalog
    {
        var problems = initial
        var results: [DeckLoadResult] = []
        var decks: [Deck] = []
        var seen: [String: String] = [:]  // deck id → file
        var loadedFiles: Set<String> = []
        for path in files {
            let standardized = URL(fileURLWithPath: absolute(path, in: currentDirectory)).standardizedFileURL.path
            guard loadedFiles.insert(standardized).inserted else { continue }  // the same file twice
            var result = DeckLoader.load(file: standardized)
            let display = displayPath(standardized, original: path, currentDirectory: currentDirectory)
            result.file = display
            result.deck?.file = display
            for index in result.problems.indices { result.problems[index].file = display }
            if let deck = result.deck {
                if let first = seen[deck.id] {
                    result.problems.append(
                        DeckProblem(
                            file: display, line: result.idLocation?.line, column: result.idLocation?.column,
                            message:
                                "duplicate deck id \(quoted(deck.id)): \(first) already defines it (this file is skipped)"
                        ))
                    result.deck = nil
                } else {
                    seen[deck.id] = display
                    decks.append(deck)
                }
            }
            problems += result.problems
            results.append(result)
        }
        return DeckCatalog(results: results, decks: decks, problems: problems)
    }

    /// `path` made absolute against `currentDirectory`.
    private static func absolute(_ path: String, in currentDirectory: String) -> String {
        if path.hasPrefix("/") { return path }
        return (currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/") + path
    }

    /// A path relative to the current directory when it is inside it, else as given.
    private static func displayPath(_ standardized: String, original: String, currentDirectory: String) -> String {
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        // Below the root directory every path is absolute: keep it so ("/tmp/x.json", not "tmp/x.json").
        if base != "/", standardized.hasPrefix(base) { return String(standardized.dropFirst(base.count)) }
        return original.hasPrefix("/") ? standardized : original
    }
}
