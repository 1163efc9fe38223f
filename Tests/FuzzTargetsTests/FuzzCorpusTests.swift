import Foundation
import Testing

@testable import FuzzTargets

/// Every committed fuzz input, seeds and regressions, runs through its target in the normal
/// test suite: a crash the fuzzer once found stays fixed even where libFuzzer is not built.
@Suite struct FuzzCorpusTests {
    /// The repository's Fuzz folder (found from this file, so no resources are copied).
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The files in Fuzz/KIND/TARGET/, without hidden files.
    static func inputs(_ kind: String, _ target: String) throws -> [URL] {
        let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func everySeedAndRegressionInputRuns(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = try Self.inputs("corpus", name)
        #expect(!seeds.isEmpty, "every target needs seed inputs in Fuzz/corpus/\(name)/")
        // The regressions folder exists for every target (with a .keep file until a crash is found).
        for file in seeds + (try Self.inputs("regressions", name)) {
            let bytes = try Data(contentsOf: file)
            bytes.withUnsafeBytes { target.run($0) }
        }
    }

    @Test func targetNamesAreUniqueAndHaveCorpusFolders() throws {
        let names = FuzzTarget.all.map(\.name)
        #expect(Set(names).count == names.count)
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: Self.fuzzFolder.appendingPathComponent("corpus").path)
        #expect(Set(folders) == Set(names), "Fuzz/corpus/ has one folder per target")
    }
}
