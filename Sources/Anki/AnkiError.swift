import Decks
import Foundation

/// Why an import or an export failed, as a message a user can act on.
///
/// Every import error leaves the decks and the store as they were.
public enum AnkiError: Error, Equatable, CustomStringConvertible {
    /// The file is not a zip archive (so not an .apkg or .colpkg).
    case notAZip(path: String)
    /// The archive has no collection in it.
    case noCollection(path: String)
    /// The package's `meta` names a format this version does not know.
    case newerAnki(path: String)
    /// An entry is, or expands to, more than the limit (a zip bomb, or a damaged package).
    case tooLarge(path: String, entry: String, limit: Int)
    /// The archive holds more entries than any real package.
    case tooManyEntries(path: String, limit: Int)
    /// A media file name is a path (`../x`, `/x`, `a/b`) or otherwise unsafe.
    case unsafeMediaName(path: String, name: String)
    /// The collection inside the package is not an SQLite database.
    case notSQLite(path: String, entry: String)
    /// The file cannot be read (missing, a folder, no permission).
    case cannotRead(path: String, reason: String)
    /// The package or collection is damaged in another way.
    case damaged(path: String, detail: String)
    /// A line of an Anki text export that cannot be read.
    case textFile(path: String, line: Int, message: String)
    /// A deck file exists that recall did not import: it is never overwritten without `--force`.
    case deckExists(path: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// Nothing to export, or a deck named for export does not exist.
    case nothingToExport(String)

    /// The message, without the leading `error: `.
    public var description: String {
        switch self {
        case .notAZip(let path):
            "\(Self.show(path)) is not an Anki package (.apkg or .colpkg): it is not a zip archive"
        case .noCollection(let path):
            "\(Self.show(path)) is not an Anki package: it holds no collection (collection.anki21b, .anki21 or .anki2)"
        case .newerAnki(let path):
            "\(Self.show(path)) was made by a newer Anki; export it with 'Support older Anki versions'"
        case .tooLarge(let path, let entry, let limit):
            "\(Self.show(path)): \(Self.show(entry)) expands to more than \(limit / 1_048_576) MiB; refusing it (a zip bomb or a damaged package)"
        case .tooManyEntries(let path, let limit):
            "\(Self.show(path)) has more than \(limit) entries; refusing it (a zip bomb or a damaged package)"
        case .unsafeMediaName(let path, let name):
            "\(Self.show(path)) names a media file \"\(Self.show(name))\" with a path in it; refusing the package"
        case .notSQLite(let path, let entry):
            "\(Self.show(path)): \(Self.show(entry)) is not an SQLite database; the package is damaged"
        case .cannotRead(let path, let reason):
            "cannot read \(Self.show(path)): \(Self.show(reason))"
        case .damaged(let path, let detail):
            "\(Self.show(path)) is damaged: \(Self.show(detail))"
        case .textFile(let path, let line, let message):
            "\(Self.show(path)):\(line): \(Self.show(message))"
        case .deckExists(let path):
            "\(Self.show(path)) exists and was not imported from Anki; move it aside or pass --force to overwrite it"
        case .cannotWrite(let path, let reason):
            "cannot write \(Self.show(path)): \(Self.show(reason))"
        case .nothingToExport(let message):
            message
        }
    }

    /// Untrusted text (names from a package, paths) with control characters shown as `?`.
    static func show(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { TextRules.isForbidden($0) || $0 == "\n" ? "?" : $0 }))
    }
}
