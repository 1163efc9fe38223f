import Foundation
import Testing
import ZIPFoundation

@testable import Anki

@Suite("The export's zip writer")
struct ZipWriterTests {
    /// Bytes that deflate well but not trivially: text with a seeded pseudo-random walk.
    static func sample(_ count: Int) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(contentsOf: "card \(state >> 54) due \(state >> 60)\n".utf8)
        }
        return Data(bytes.prefix(count))
    }

    /// The entries of the archive at `path` as ZIPFoundation reads them: name, method, contents.
    static func read(_ path: String) throws -> [(String, CompressionMethod, Data)] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }  // checks the CRC-32
            return (entry.path, entry.isCompressed ? .deflate : .none, data)
        }
    }

    @Test("stored and deflated entries read back byte for byte, across the writer's 1 MB chunks")
    func roundTrip() throws {
        let folder = TemporaryFolder()
        let large = Self.sample(3 * (1 << 20) + 12_345)
        try large.write(to: URL(fileURLWithPath: folder.file("large")))
        try Data().write(to: URL(fileURLWithPath: folder.file("empty")))
        try Data("ok".utf8).write(to: URL(fileURLWithPath: folder.file("small")))
        var zip = try ZipWriter(path: folder.file("out.zip"))
        try zip.add("meta", data: Data([0x08, 0x02]))
        try zip.add("collection.anki21", file: folder.file("large"))
        try zip.add("0", file: folder.file("empty"))
        try zip.add("café.txt", file: folder.file("small"))
        try zip.add("media", data: Data("{}".utf8))
        try zip.finish()

        let entries = try Self.read(folder.file("out.zip"))
        #expect(entries.map(\.0) == ["meta", "collection.anki21", "0", "café.txt", "media"])
        #expect(entries.map(\.1) == [.none, .deflate, .deflate, .deflate, .none])
        #expect(entries.map(\.2) == [Data([0x08, 0x02]), large, Data(), Data("ok".utf8), Data("{}".utf8)])
        let size = try #require(
            (try FileManager.default.attributesOfItem(atPath: folder.file("out.zip"))[.size] as? NSNumber)?.intValue)
        #expect(size < large.count / 2)  // deflated, not stored
    }

    @Test("a file that cannot be read is an error naming it")
    func missingFile() throws {
        let folder = TemporaryFolder()
        var zip = try ZipWriter(path: folder.file("out.zip"))
        #expect {
            try zip.add("x", file: folder.file("absent"))
        } throws: { error in
            "\(error)".contains("absent")
        }
        zip.abandon()
    }

    @Test("the classic format's limits: 4 GiB less headroom, 65 534 entries")
    func limits() {
        #expect(ZipWriter.fits(totalBytes: 100_000_000, entries: 3))
        #expect(!ZipWriter.fits(totalBytes: 4_294_967_295, entries: 3))
        #expect(!ZipWriter.fits(totalBytes: 1_000, entries: 70_000))
    }

    @Test("a file past 8 MB, deflated in two halves at once, reads back as one stream")
    func splitFile() throws {
        let folder = TemporaryFolder()
        let big = Self.sample(Int(ZipWriter.splitMinimum) + 3 * (1 << 20) + 777)
        try big.write(to: URL(fileURLWithPath: folder.file("big")))
        var zip = try ZipWriter(path: folder.file("out.zip"))
        var reports: [Int64] = []
        try zip.add("collection.anki21", file: folder.file("big"), progress: { reports.append($0) })
        try zip.add("media", data: Data("{}".utf8))
        try zip.finish()
        // Both halves count, from the calling thread: the bytes deflated only grow, up to the file's size.
        #expect(reports.count > 2)
        #expect(Swift.zip(reports, reports.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(reports.last == Int64(big.count))
        let entries = try Self.read(folder.file("out.zip"))
        #expect(entries.map(\.0) == ["collection.anki21", "media"])
        #expect(entries.first?.2 == big)
        let size = try #require(
            (try FileManager.default.attributesOfItem(atPath: folder.file("out.zip"))[.size] as? NSNumber)?.intValue)
        #expect(size < big.count / 2)
    }
}
