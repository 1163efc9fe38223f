import Foundation
import Testing

@testable import App

/// `--json` output writes empty arrays and objects as `[]` and `{}` on every platform.
@Suite struct JSONTextTests {
    struct Report: Encodable {
        var notes: [String] = []
        var problems: [[String: Int]] = [[:]]
        var text = "a [\n\n] b"
        var counts: [String: Int] = ["x": 1]
    }

    @Test func emptyArraysAndObjectsAreWrittenOnOneLine() throws {
        let text = try JSONText.encode(Report())
        #expect(!text.contains("\n\n"))
        #expect(text.contains("\"notes\" : [],") || text.contains("\"notes\": [],"))
        #expect(text.contains("{}"))
        // A string's line breaks are escaped, so they are never touched.
        #expect(text.contains(#""a [\n\n] b""#))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(decoded?["notes"] as? [String] == [])
        #expect((decoded?["counts"] as? [String: Int]) == ["x": 1])
    }

    @Test func compactingLeavesOtherTextAlone() {
        #expect(JSONText.compactingEmpty("[\n  1\n]") == "[\n  1\n]")
        #expect(
            JSONText.compactingEmpty("{\n  \"a\" : [\n\n  ],\n  \"b\" : {\n\n  }\n}")
                == "{\n  \"a\" : [],\n  \"b\" : {}\n}")
    }
}
