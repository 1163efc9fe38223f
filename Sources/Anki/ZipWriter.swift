import CZlibDeflate
import Foundation

/// Writes a zip archive entry by entry, deflating at a chosen zlib level.
///
/// The export's package is mostly one large SQLite file. ZIPFoundation always deflates at
/// zlib's default level (6); level 1 takes a third of the time for a file about 8 % larger,
/// and the collection is the slowest part of an export after the review log. This writer
/// keeps to the classic format (no zip64): the exporter uses it only while every size and
/// offset fits in 32 bits and there are fewer than 65 535 entries (``fits(totalBytes:entries:)``),
/// and ZIPFoundation otherwise.
struct ZipWriter {
    /// The zlib level the export deflates at (1: fastest).
    static let fastLevel: Int32 = 1
    /// The largest total of entry sizes this writer takes: room under 4 GiB for the headers
    /// and for deflate's worst case (5 bytes per stored block of incompressible data).
    static let byteLimit: Int64 = 0xF000_0000
    /// The largest number of entries (the classic end record counts them in 16 bits).
    static let entryLimit = 0xFFFE

    /// Whether entries of `totalBytes` bytes in all, `entries` of them, fit this writer.
    static func fits(totalBytes: Int64, entries: Int, byteLimit: Int64 = byteLimit) -> Bool {
        totalBytes <= min(byteLimit, Self.byteLimit) && entries <= entryLimit
    }

    private struct Entry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private let path: String
    private var descriptor: Int32
    private var offset: Int64 = 0
    private var entries: [Entry] = []
    private let time: UInt16
    private let date: UInt16

    /// Creates (or truncates) the archive at `path`.
    init(path: String, modified: Date = Date()) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path) }
        let parts = Calendar(identifier: .gregorian).dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: modified)
        let year = min(max((parts.year ?? 1980) - 1980, 0), 127)
        date = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
    }

    /// Adds `data`, stored as it is.
    mutating func add(_ name: String, data: Data) throws {
        let crc = data.withUnsafeBytes { bytes in
            UInt32(crc32(0, bytes.bindMemory(to: UInt8.self).baseAddress, uInt(bytes.count)))
        }
        let start = offset
        try writeLocalHeader(name, method: 0, crc: crc, compressedSize: data.count, size: data.count)
        try emit(data)
        entries.append(
            Entry(
                name: Array(name.utf8), method: 0, crc: crc, compressedSize: UInt32(data.count),
                size: UInt32(data.count), offset: UInt32(start)))
    }

    /// Adds the file at `file`, deflated at `level`, read and written a megabyte at a time.
    mutating func add(_ name: String, file: String, level: Int32 = fastLevel) throws {
        let input = open(file, O_RDONLY)
        guard input >= 0 else { throw Self.failure(file) }
        defer { close(input) }
        let start = offset
        // Sizes and CRC are known only at the end: the header is written again then.
        try writeLocalHeader(name, method: 8, crc: 0, compressedSize: 0, size: 0)
        let dataStart = offset

        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw AnkiError.cannotWrite(path: path, reason: "cannot start compressing") }
        defer { deflateEnd(&stream) }
        let chunk = 1 << 20
        var inputBuffer = [UInt8](repeating: 0, count: chunk)
        var outputBuffer = [UInt8](repeating: 0, count: chunk)
        var crc: uLong = 0
        var size: Int64 = 0
        var finished = false
        while !finished {
            let count = inputBuffer.withUnsafeMutableBytes { read(input, $0.baseAddress, chunk) }
            guard count >= 0 else { throw Self.failure(file) }
            finished = count == 0
            size += Int64(count)
            guard size <= Self.byteLimit else {
                throw AnkiError.cannotWrite(path: path, reason: "\(file) grew past the size this writer takes")
            }
            try inputBuffer.withUnsafeMutableBufferPointer { source in
                crc = crc32(crc, source.baseAddress, uInt(count))
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(count)
                repeat {
                    let produced = try outputBuffer.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(chunk)
                        let code = deflate(&stream, finished ? Z_FINISH : Z_NO_FLUSH)
                        guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                            throw AnkiError.cannotWrite(path: path, reason: "compressing failed (zlib \(code))")
                        }
                        return chunk - Int(stream.avail_out)
                    }
                    try outputBuffer.withUnsafeBytes { try emit(UnsafeRawBufferPointer(rebasing: $0.prefix(produced))) }
                } while stream.avail_out == 0
            }
        }
        let compressed = offset - dataStart
        guard compressed <= Int64(UInt32.max) else {
            throw AnkiError.cannotWrite(path: path, reason: "\(file) is too large for this writer")
        }
        try rewriteLocalHeader(
            at: start, name, crc: UInt32(crc), compressedSize: Int(compressed), size: Int(size))
        entries.append(
            Entry(
                name: Array(name.utf8), method: 8, crc: UInt32(crc), compressedSize: UInt32(compressed),
                size: UInt32(size), offset: UInt32(start)))
    }

    /// Writes the central directory and closes the file.
    mutating func finish() throws {
        let directoryStart = offset
        var directory: [UInt8] = []
        for entry in entries {
            directory.append(le32: 0x0201_4b50)
            directory.append(le16: 0x0314)  // made by: Unix, zip 2.0
            directory.append(le16: 20)  // needed: 2.0 (deflate)
            directory.append(le16: entry.name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)
            directory.append(le16: entry.method)
            directory.append(le16: time)
            directory.append(le16: date)
            directory.append(le32: entry.crc)
            directory.append(le32: entry.compressedSize)
            directory.append(le32: entry.size)
            directory.append(le16: UInt16(entry.name.count))
            directory.append(le16: 0)  // extra
            directory.append(le16: 0)  // comment
            directory.append(le16: 0)  // disk
            directory.append(le16: 0)  // internal attributes
            directory.append(le32: 0o100644 << 16)  // external: a regular file, rw-r--r--
            directory.append(le32: entry.offset)
            directory.append(contentsOf: entry.name)
        }
        guard directoryStart + Int64(directory.count) < Int64(UInt32.max) else {
            throw AnkiError.cannotWrite(path: path, reason: "the archive is too large for this writer")
        }
        let directorySize = directory.count
        directory.append(le32: 0x0605_4b50)
        directory.append(le16: 0)
        directory.append(le16: 0)
        directory.append(le16: UInt16(entries.count))
        directory.append(le16: UInt16(entries.count))
        directory.append(le32: UInt32(directorySize))
        directory.append(le32: UInt32(directoryStart))
        directory.append(le16: 0)
        try directory.withUnsafeBytes { try emit($0) }
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw Self.failure(path)
        }
        descriptor = -1
    }

    /// Closes the file if `finish()` did not (after a failure).
    mutating func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    // MARK: - Writing

    private func localHeader(_ name: String, method: UInt16, crc: UInt32, compressedSize: Int, size: Int)
        -> [UInt8]
    {
        let nameBytes = Array(name.utf8)
        var header: [UInt8] = []
        header.append(le32: 0x0403_4b50)
        header.append(le16: 20)
        header.append(le16: nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)
        header.append(le16: method)
        header.append(le16: time)
        header.append(le16: date)
        header.append(le32: crc)
        header.append(le32: UInt32(compressedSize))
        header.append(le32: UInt32(size))
        header.append(le16: UInt16(nameBytes.count))
        header.append(le16: 0)
        header.append(contentsOf: nameBytes)
        return header
    }

    private mutating func writeLocalHeader(
        _ name: String, method: UInt16, crc: UInt32, compressedSize: Int, size: Int
    ) throws {
        let header = localHeader(name, method: method, crc: crc, compressedSize: compressedSize, size: size)
        try header.withUnsafeBytes { try emit($0) }
    }

    private func rewriteLocalHeader(at position: Int64, _ name: String, crc: UInt32, compressedSize: Int, size: Int)
        throws
    {
        let header = localHeader(name, method: 8, crc: crc, compressedSize: compressedSize, size: size)
        let written = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(position)) }
        guard written == header.count else { throw Self.failure(path) }
    }

    private mutating func emit(_ data: Data) throws {
        try data.withUnsafeBytes { try emit($0) }
    }

    private mutating func emit(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let count = write(descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Self.failure(path) }
            done += count
        }
        offset += Int64(bytes.count)
    }

    private static func failure(_ path: String) -> AnkiError {
        AnkiError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}

extension [UInt8] {
    fileprivate mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
