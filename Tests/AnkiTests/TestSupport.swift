import Foundation

/// A fresh temporary folder for one test, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("recall-anki-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// The files in the folder (hidden ones too), sorted.
    func listing(_ sub: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? path : file(sub))) ?? []).sorted()
    }
}

/// The path of a committed fixture.
func fixture(_ name: String) -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
        fatalError("missing fixture \(name)")
    }
    return url.path
}

/// The fixture collection's own description (written by tools/make_anki_fixtures.py).
struct ExpectedCollection: Decodable {
    struct Note: Decodable {
        var guid: String
        var notetype: String
        var tags: [String]
        var fields: [String]
    }
    struct Card: Decodable {
        var note_guid: String
        var deck: String
        var ord: Int
        var type: Int
        var queue: Int
        var due: Int64
        var ivl: Int
        var reps: Int
        var lapses: Int
        var left: Int
        var data: String
    }
    struct Revlog: Decodable {
        var id: Int64
        var ease: Int
        var type: Int
        var time: Int
    }
    var notes: [Note]
    var cards: [Card]
    var revlog: [Revlog]
    var crt: Int64

    static func load() throws -> ExpectedCollection {
        try JSONDecoder().decode(
            ExpectedCollection.self, from: Data(contentsOf: URL(fileURLWithPath: fixture("expected.json"))))
    }
}
