import Foundation
import Testing

@Test func versionFlagPrintsTheVersion() throws {
    let process = Process()
    process.executableURL = RecallBinary.url
    process.arguments = ["--version"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(output == "0.1.0\n")
}
