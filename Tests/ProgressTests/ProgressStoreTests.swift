import Foundation
import Testing
@testable import Progress

@Test func opensANewStore() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recall-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try ProgressStore(path: dir.appendingPathComponent("p.sqlite").path)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("p.sqlite").path))
}
