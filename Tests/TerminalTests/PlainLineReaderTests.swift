import Foundation
import Testing

@testable import Terminal

@Suite struct PlainLineReaderTests {
    /// A reader over a pipe holding `input`, writing to a captured buffer.
    private func reader(_ input: String) throws -> (PlainLineReader, CapturedOutput, Pipe) {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
        let output = CapturedOutput()
        return (PlainLineReader(fd: pipe.fileHandleForReading.fileDescriptor, output: output), output, pipe)
    }

    @Test func readsLinesAndPrintsEachPromptOnceWithTheLine() throws {
        let (reader, output, pipe) = try reader("study\r\n:quit\nlast")
        #expect(reader.readLine(prompt: "recall> ") == .line("study"))
        #expect(reader.readLine(prompt: "> ") == .line(":quit"))
        #expect(reader.readLine(prompt: "> ") == .line("last"))
        #expect(reader.readLine(prompt: "recall> ") == .endOfInput)
        #expect(output.text == "recall> study\n> :quit\n> last\nrecall> \n")
        _ = pipe
    }

    @Test func keepsMultibyteCharactersWhole() throws {
        let (reader, _, pipe) = try reader("Hailsham — 日本\n")
        #expect(reader.readLine(prompt: "") == .line("Hailsham — 日本"))
        _ = pipe
    }
}

@Suite struct HistoryFileTests {
    @Test func createsTheFileAndItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/history").path
        #expect(HistoryFile.create(at: path))
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
