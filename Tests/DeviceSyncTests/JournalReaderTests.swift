import Foundation
import Testing

@testable import DeviceSync

/// The journal reader: complete lines only, numbered, CR LF and blank lines handled, lines
/// that straddle its 4 MiB reads, and where it stopped.
@Suite struct JournalReaderTests {
    /// Every line `forEachLine` gives from `offset`, with its number, and where it stopped.
    static func read(_ path: String, from offset: Int64 = 0, line: Int = 0) throws -> (
        lines: [(Int, String)], end: (offset: Int64, line: Int), positions: [Int64]
    ) {
        var lines: [(Int, String)] = []
        var positions: [Int64] = []
        let collect = { (number: Int, bytes: UnsafeBufferPointer<UInt8>) in
            lines.append((number, String(decoding: bytes, as: UTF8.self)))
        }
        let end = try JournalReader(path: path).forEachLine(
            from: offset, line: line, progress: { positions.append($0) }, collect)
        return (lines, end, positions)
    }

    @Test func completeLinesOnlyWithTheirNumbers() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("j.jsonl")
        try Data("one\r\ntwo\n\n\r\nthree\nhalf-writ".utf8).write(to: URL(fileURLWithPath: path))
        let (lines, end, positions) = try Self.read(path)
        // Blank lines count for the numbering but are not given; CR LF loses its CR.
        #expect(lines.map(\.0) == [1, 2, 5])
        #expect(lines.map(\.1) == ["one", "two", "three"])
        // It stops after the last newline: the half-written line is read once it is complete.
        #expect(end.offset == 18 && end.line == 5)
        #expect(positions == [18])
        let again = try Self.read(path, from: end.offset, line: end.line)
        #expect(again.lines.isEmpty && again.end.offset == 18)
        try Data("one\r\ntwo\n\n\r\nthree\nhalf-written\n".utf8).write(to: URL(fileURLWithPath: path))
        let rest = try Self.read(path, from: end.offset, line: end.line)
        #expect(rest.lines.map(\.0) == [6] && rest.lines.map(\.1) == ["half-written"])
        #expect(rest.end.offset == 31)
    }

    @Test func linesStraddlingItsReadsComeWhole() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("j.jsonl")
        // About 2.5 reads' worth, with line lengths that do not divide the read size.
        var text = ""
        var expected: [String] = []
        var number = 0
        while text.utf8.count < JournalReader.chunkSize * 5 / 2 {
            let line = String(repeating: "x", count: 1 + number % 997) + "#\(number)"
            expected.append(line)
            text += line + "\n"
            number += 1
        }
        // One line longer than a whole read.
        let long = String(repeating: "y", count: JournalReader.chunkSize + 10)
        expected.append(long)
        text += long + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let (lines, end, positions) = try Self.read(path)
        #expect(lines.count == expected.count)
        #expect(lines.map(\.1) == expected)
        #expect(lines.map(\.0) == Array(1...expected.count))
        #expect(end.offset == Int64(text.utf8.count) && end.line == expected.count)
        #expect(positions.count > 2 && positions == positions.sorted() && positions.last == end.offset)
    }
}
