import Foundation

/// Where recall looks for decks, in order: the bundled decks, the user's decks, then every
/// `--decks DIR`.
///
/// - Bundled: when run from a clone, the repository's `Decks/` (found by walking up from
///   the executable's directory to one that holds `Package.swift` and `Decks/schema.json`);
///   once installed, `<executable dir>/../share/recall/decks`.
/// - User: `$XDG_DATA_HOME/recall/decks`, by default `~/.local/share/recall/decks` (given by the caller).
/// - Extra: the `--decks DIR` options, in order.
///
/// The bundled and user directories may be missing; an extra directory must exist.
public struct DeckDirectories: Sendable, Hashable {
    /// The bundled decks' directory, if one was found.
    public var bundled: String?
    /// The user's deck directory (it may not exist).
    public var user: String
    /// The directories given with `--decks`.
    public var extra: [String]

    /// Creates the list from its parts.
    public init(bundled: String?, user: String, extra: [String] = []) {
        self.bundled = bundled
        self.user = user
        self.extra = extra
    }

    /// The standard directories for an executable at `executablePath`, with the user's
    /// deck directory `user` (the caller resolves it from the XDG data directory).
    public static func standard(
        user: String, extra: [String] = [],
        executablePath: String? = DeckDirectories.currentExecutablePath
    ) -> DeckDirectories {
        DeckDirectories(
            bundled: executablePath.flatMap(bundledDirectory(executablePath:)), user: user, extra: extra)
    }

    /// Every directory, in search order.
    public var all: [String] {
        (bundled.map { [$0] } ?? []) + [user] + extra
    }

    /// The path of the running executable, symbolic links resolved.
    public static var currentExecutablePath: String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    /// The bundled decks for an executable at `executablePath`, if they exist.
    public static func bundledDirectory(executablePath: String) -> String? {
        let fileManager = FileManager.default
        let executableDirectory = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        var directory = executableDirectory
        while true {
            let decks = directory.appendingPathComponent("Decks")
            if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
                fileManager.fileExists(atPath: decks.appendingPathComponent("schema.json").path)
            {
                return decks.path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path || directory.path == "/" { break }
            directory = parent
        }
        let installed = executableDirectory.deletingLastPathComponent()
            .appendingPathComponent("share/recall/decks").standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: installed, isDirectory: &isDirectory), isDirectory.boolValue {
            return installed
        }
        return nil
    }
}
