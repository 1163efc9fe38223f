import Foundation
import Testing

@testable import Decks

/// The schema examples: Fixtures/schema-examples/{valid,invalid}/*.json, with the JSON
/// Schema's verdicts recorded in verdicts.json by tools/check_schema_examples.py.
enum SchemaExamples {
    static var directory: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
                .appendingPathComponent("schema-examples")
        }
    }

    /// "valid/every-type.json" → "valid" or "invalid", as the schema judged it.
    static func verdicts() throws -> [String: String] {
        let data = try Data(contentsOf: try directory.appendingPathComponent("verdicts.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    }

    /// Every example, as "folder/name.json".
    static func names() throws -> [String] {
        try ["valid", "invalid"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: try directory.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0)" }
        }.sorted()
    }
}

@Test func theSchemaVerdictsListEveryExample() throws {
    #expect(try SchemaExamples.verdicts().keys.sorted() == SchemaExamples.names())
    #expect(try SchemaExamples.names().count >= 10)
}

@Test func theValidatorAgreesWithTheSchemaOnEveryExample() throws {
    let verdicts = try SchemaExamples.verdicts()
    for name in try SchemaExamples.names() {
        let result = DeckLoader.load(file: try SchemaExamples.directory.appendingPathComponent(name).path)
        let verdict = result.problems.contains(where: \.isError) ? "invalid" : "valid"  // warnings do not count
        #expect(verdict == verdicts[name], "\(name): \(result.problems.map(\.description))")
        // An example lives in the folder of its verdict.
        #expect(name.hasPrefix(verdict + "/"), "\(name)")
    }
}
